package io.inkstone.discovery;

import java.time.Duration;

/**
 * Forward decay (Cormode, Shkapenyuk, Srivastava, Xu — ICDE 2009) with exponential g,
 * kept in the log domain. An event of weight w at time t adds w·exp(λ(t − L)) to an
 * item's score, L being a fixed landmark; comparing scores "now" needs no rescaling
 * because every score shares the same divisor exp(λ(now − L)). Logs avoid overflow: λ(t −
 * L) grows by ln 2 per half-life.
 */
final class ForwardDecay {

	/** The landmark L: 2024-01-01T00:00Z. */
	static final long LANDMARK = 1704067200000L;

	private final double lambdaPerMs;

	ForwardDecay(Duration halfLife) {
		this.lambdaPerMs = Math.log(2) / halfLife.toMillis();
	}

	/** ln(w · exp(λ(t − L))). */
	double logWeight(double weight, long at) {
		return Math.log(weight) + lambdaPerMs * (at - LANDMARK);
	}

	/** ln(e^a + e^b) without overflow. */
	static double logAdd(double a, double b) {
		if (a == Double.NEGATIVE_INFINITY) {
			return b;
		}
		if (b == Double.NEGATIVE_INFINITY) {
			return a;
		}
		double max = Math.max(a, b);
		return max + Math.log1p(Math.exp(-Math.abs(a - b)));
	}

	/**
	 * ln of the decayed score at {@code now}: comparable across items whose decays have
	 * different half-lives.
	 */
	double logValueAt(double logScore, long now) {
		return logScore - lambdaPerMs * (now - LANDMARK);
	}

	/**
	 * The decayed score at {@code now}, for display and tests: exp(logScore − λ(now −
	 * L)).
	 */
	double valueAt(double logScore, long now) {
		return Math.exp(logScore - lambdaPerMs * (now - LANDMARK));
	}

}
