package io.inkstone.importer;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Creator handles ↔ WordPress user logins. WordPress accepts only
 * {@code [A-Za-z0-9 _.\-@]} in a login, at most 60 characters, compared without case
 * ({@code sanitize_user(…,
 * true)}): its importer cannot create a user for a handle such as {@code 韩愈} (the
 * author's posts fall to whoever imports, and WP-CLI's {@code wp import --authors=create}
 * stops), and {@code 两汉-刘彻} and {@code 唐-李白} would both become {@code -}. Such a handle
 * is written as {@code xn--} and its Punycode (RFC 3492: ASCII, reversible, like a domain
 * name's), which our WXR import turns back into the handle; a handle that is too long
 * even then becomes {@code inkstone-<creator id>}. The display name travels unchanged.
 */
final class WxrLogins {

	static final String PREFIX = "xn--";

	private static final Pattern WORDPRESS_LOGIN = Pattern
		.compile("[A-Za-z0-9_.@-](?:[A-Za-z0-9 _.@-]*[A-Za-z0-9_.@-])?");

	private static final int MAX = 60;

	private WxrLogins() {
	}

	/** True when WordPress stores this login exactly as written. */
	static boolean isWordPressLogin(String login) {
		return login != null && login.length() <= MAX && !login.contains("  ")
				&& WORDPRESS_LOGIN.matcher(login).matches() && !login.toLowerCase(Locale.ROOT).startsWith(PREFIX);
	}

	/** The login WordPress gets for a creator (unique as long as handles are). */
	static String toWordPress(String handle, long creatorId) {
		if (isWordPressLogin(handle)) {
			return handle;
		}
		String encoded = PREFIX + Punycode.encode(handle);
		return encoded.length() <= MAX ? encoded : "inkstone-" + creatorId;
	}

	/**
	 * The handle a WordPress login stands for: an {@code xn--} login decoded, any other
	 * login as it is.
	 */
	static String fromWordPress(String login) {
		if (login == null || !login.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
			return login;
		}
		try {
			String decoded = Punycode.decode(login.substring(PREFIX.length()));
			return decoded.isBlank() ? login : decoded;
		}
		catch (IllegalArgumentException ex) {
			return login;
		}
	}

	/** RFC 3492 Bootstring with the Punycode parameters, over code points. */
	static final class Punycode {

		private static final int BASE = 36;

		private static final int TMIN = 1;

		private static final int TMAX = 26;

		private static final int SKEW = 38;

		private static final int DAMP = 700;

		private static final int INITIAL_BIAS = 72;

		private static final int INITIAL_N = 128;

		private Punycode() {
		}

		static String encode(String input) {
			int[] cps = input.codePoints().toArray();
			StringBuilder out = new StringBuilder();
			for (int cp : cps) {
				if (cp < 0x80) {
					out.append((char) cp);
				}
			}
			int basic = out.length();
			int handled = basic;
			if (basic > 0) {
				out.append('-');
			}
			int n = INITIAL_N;
			int bias = INITIAL_BIAS;
			long delta = 0;
			while (handled < cps.length) {
				int m = Integer.MAX_VALUE;
				for (int cp : cps) {
					if (cp >= n && cp < m) {
						m = cp;
					}
				}
				delta += (long) (m - n) * (handled + 1);
				n = m;
				for (int cp : cps) {
					if (cp < n) {
						delta++;
					}
					if (cp == n) {
						long q = delta;
						for (int k = BASE;; k += BASE) {
							int t = k <= bias ? TMIN : Math.min(k - bias, TMAX);
							if (q < t) {
								break;
							}
							out.append(digit((int) (t + (q - t) % (BASE - t))));
							q = (q - t) / (BASE - t);
						}
						out.append(digit((int) q));
						bias = adapt(delta, handled + 1, handled == basic);
						delta = 0;
						handled++;
					}
				}
				delta++;
				n++;
			}
			return out.toString();
		}

		static String decode(String input) {
			int last = input.lastIndexOf('-');
			StringBuilder basic = new StringBuilder();
			if (last > 0) {
				for (int j = 0; j < last; j++) {
					char c = input.charAt(j);
					if (c >= 0x80) {
						throw new IllegalArgumentException("not Punycode");
					}
					basic.append(c);
				}
			}
			int[] out = basic.codePoints().toArray();
			int length = out.length;
			int n = INITIAL_N;
			int bias = INITIAL_BIAS;
			long i = 0;
			int in = last > 0 ? last + 1 : 0;
			while (in < input.length()) {
				long oldi = i;
				long w = 1;
				for (int k = BASE;; k += BASE) {
					if (in >= input.length()) {
						throw new IllegalArgumentException("not Punycode");
					}
					int digit = value(input.charAt(in++));
					i += digit * w;
					int t = k <= bias ? TMIN : Math.min(k - bias, TMAX);
					if (digit < t) {
						break;
					}
					w *= BASE - t;
					if (i > Integer.MAX_VALUE || w > Integer.MAX_VALUE) {
						throw new IllegalArgumentException("not Punycode");
					}
				}
				bias = adapt(i - oldi, length + 1, oldi == 0);
				n += (int) (i / (length + 1));
				i %= length + 1;
				if (n > Character.MAX_CODE_POINT) {
					throw new IllegalArgumentException("not Punycode");
				}
				int[] grown = new int[length + 1];
				System.arraycopy(out, 0, grown, 0, (int) i);
				grown[(int) i] = n;
				System.arraycopy(out, (int) i, grown, (int) i + 1, length - (int) i);
				out = grown;
				length++;
				i++;
			}
			return new String(out, 0, length);
		}

		private static int adapt(long delta, int points, boolean first) {
			delta = first ? delta / DAMP : delta / 2;
			delta += delta / points;
			int k = 0;
			while (delta > ((BASE - TMIN) * TMAX) / 2) {
				delta /= BASE - TMIN;
				k += BASE;
			}
			return (int) (k + (BASE - TMIN + 1) * delta / (delta + SKEW));
		}

		private static char digit(int d) {
			return (char) (d < 26 ? 'a' + d : '0' + d - 26);
		}

		private static int value(char c) {
			if (c >= '0' && c <= '9') {
				return c - '0' + 26;
			}
			if (c >= 'a' && c <= 'z') {
				return c - 'a';
			}
			if (c >= 'A' && c <= 'Z') {
				return c - 'A';
			}
			throw new IllegalArgumentException("not Punycode");
		}

	}

}
