package io.inkstone.shared;

/** CSV exports (stats, audit log, transparency): one quoting rule everywhere. */
public final class Csv {

	private Csv() {
	}

	/**
	 * Quotes a field and defuses spreadsheet formulas (a leading = + - @ becomes text);
	 * null is empty.
	 */
	public static String field(String value) {
		if (value == null) {
			return "";
		}
		String safe = value.isEmpty() || "=+-@".indexOf(value.charAt(0)) < 0 ? value : "'" + value;
		return '"' + safe.replace("\"", "\"\"") + '"';
	}

}
