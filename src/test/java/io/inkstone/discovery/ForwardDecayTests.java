package io.inkstone.discovery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import java.util.Arrays;
import java.util.function.IntToDoubleFunction;
import org.assertj.core.api.Assertions;
import org.assertj.core.data.Offset;
import org.assertj.core.data.Percentage;

/**
 * Forward decay must rank exactly as brute-force exponential decay recomputed at query
 * time.
 */
class ForwardDecayTests {

	private final Duration halfLife = Duration.ofHours(6);

	private final ForwardDecay decay = new ForwardDecay(halfLife);

	record Event(int item, double weight, long at) {
	}

	@RepeatedTest(20)
	void rankingEqualsBruteForceRecomputation() {
		Random random = new Random();
		long now = ForwardDecay.LANDMARK + Duration.ofDays(900).toMillis() + random.nextInt(1_000_000);
		int items = 30;
		List<Event> events = new ArrayList<>();
		for (int i = 0; i < 600; i++) {
			events.add(new Event(random.nextInt(items), 1 + random.nextInt(5),
					now - random.nextLong(Duration.ofDays(3).toMillis())));
		}
		double[] logScores = new double[items];
		Arrays.fill(logScores, Double.NEGATIVE_INFINITY);
		double[] brute = new double[items];
		double lambda = Math.log(2) / halfLife.toMillis();
		for (Event e : events) {
			logScores[e.item()] = ForwardDecay.logAdd(logScores[e.item()], decay.logWeight(e.weight(), e.at()));
			brute[e.item()] += e.weight() * Math.exp(-lambda * (now - e.at()));
		}
		List<Integer> byForward = ranking(items, i -> logScores[i]);
		List<Integer> byBrute = ranking(items, i -> brute[i]);
		assertThat(byForward).isEqualTo(byBrute);
		for (int i = 0; i < items; i++) {
			if (brute[i] > 0) {
				assertThat(decay.valueAt(logScores[i], now)).isCloseTo(brute[i], Percentage.withPercentage(1e-6));
			}
		}
	}

	@Test
	void aSignalLosesHalfItsWeightPerHalfLife() {
		long t = ForwardDecay.LANDMARK + Duration.ofDays(1000).toMillis();
		double score = decay.logWeight(8, t);
		assertThat(decay.valueAt(score, t + halfLife.toMillis())).isCloseTo(4, Offset.offset(1e-9));
		assertThat(decay.valueAt(score, t + 3 * halfLife.toMillis())).isCloseTo(1, Offset.offset(1e-9));
	}

	@Test
	void scoresDoNotOverflowYearsAfterTheLandmark() {
		long farFuture = ForwardDecay.LANDMARK + Duration.ofDays(365L * 50).toMillis();
		double score = decay.logWeight(1, farFuture);
		assertThat(Double.isFinite(score)).isTrue();
		assertThat(ForwardDecay.logAdd(score, score)).isCloseTo(score + Math.log(2), Offset.offset(1e-9));
	}

	private static List<Integer> ranking(int items, IntToDoubleFunction score) {
		List<Integer> ids = new ArrayList<>();
		for (int i = 0; i < items; i++) {
			ids.add(i);
		}
		ids.sort(Comparator.comparingDouble((Integer i) -> score.applyAsDouble(i)).reversed().thenComparing(i -> i));
		return ids;
	}

	@Test
	void itemsFromChannelsWithDifferentHalfLivesCompareByTheirCurrentValue() {
		ForwardDecay news = new ForwardDecay(Duration.ofHours(3));
		ForwardDecay lessons = new ForwardDecay(Duration.ofHours(72));
		long now = ForwardDecay.LANDMARK + Duration.ofDays(400).toMillis();
		long sixHoursAgo = now - Duration.ofHours(6).toMillis();
		double newsScore = news.logWeight(10, sixHoursAgo); // ten reads, two half-lives
															// ago: worth 2.5 now
		double lessonScore = lessons.logWeight(5, sixHoursAgo); // five reads, a twelfth
																// of a half-life ago:
																// ~4.7 now
		Assertions.assertThat(lessons.logValueAt(lessonScore, now)).isGreaterThan(news.logValueAt(newsScore, now));
		Assertions.assertThat(Math.exp(news.logValueAt(newsScore, now))).isCloseTo(2.5, Assertions.within(1e-9));
		// the raw forward-decay scores alone would rank them the other way round
		Assertions.assertThat(newsScore).isGreaterThan(lessonScore);
	}

}
