package io.inkstone.syndication;

/** Text made safe for XML 1.0 whatever it holds. */
final class Xml {

	private Xml() {
	}

	/**
	 * Drops what XML 1.0 cannot carry at all (control characters other than tab, newline
	 * and carriage return, U+FFFE/U+FFFF, unpaired surrogates): a title holding one must
	 * not make the whole feed unparseable.
	 */
	static String clean(String text) {
		if (text == null) {
			return "";
		}
		StringBuilder out = null;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean ok;
			if (Character.isHighSurrogate(c)) {
				ok = i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
				if (ok) {
					if (out != null) {
						out.append(c).append(text.charAt(i + 1));
					}
					i++;
					continue;
				}
			}
			else if (Character.isLowSurrogate(c)) {
				ok = false;
			}
			else {
				ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF);
			}
			if (!ok && out == null) {
				out = new StringBuilder(text.length()).append(text, 0, i);
			}
			else if (ok && out != null) {
				out.append(c);
			}
		}
		return out == null ? text : out.toString();
	}

	/** {@link #clean} and escaped for element text and attribute values. */
	static String escape(String text) {
		String clean = clean(text);
		StringBuilder out = new StringBuilder(clean.length() + 16);
		for (int i = 0; i < clean.length(); i++) {
			char c = clean.charAt(i);
			switch (c) {
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '&' -> out.append("&amp;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&apos;");
				default -> out.append(c);
			}
		}
		return out.toString();
	}

}
