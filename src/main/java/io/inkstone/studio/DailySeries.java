package io.inkstone.studio;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.inkstone.shared.PlatformDays;

/**
 * One number per day for the last N days (calendar days in the site's time zone), with
 * the geometry of a server-rendered SVG bar chart (no JavaScript): a y axis with round
 * ticks, dates along the x axis, one bar per day with its value as a tooltip. The
 * template also prints the numbers as a table, for screen readers and for checking, and
 * shows an empty state instead of a flat chart when every day is zero.
 */
public record DailySeries(String name, List<Point> points, long max, long total) {

	public static final int WIDTH = 720;

	public static final int HEIGHT = 220;

	/** Room for the y axis' numbers. */
	public static final int LEFT = 48;

	/** Room for the dates. */
	public static final int BOTTOM = 28;

	public static final int TOP = 10;

	/** Room for the last date, written centred under the last bar. */
	public static final int RIGHT = 24;

	private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MM-dd");

	public record Point(LocalDate day, long value) {
	}

	static DailySeries lastDays(String name, LocalDate today, int days, Map<Integer, Long> byDay) {
		List<Point> points = new ArrayList<>();
		for (int i = days - 1; i >= 0; i--) {
			LocalDate day = today.minusDays(i);
			points.add(new Point(day, byDay.getOrDefault(PlatformDays.of(day), 0L)));
		}
		long max = points.stream().mapToLong(Point::value).max().orElse(0);
		return new DailySeries(name, points, max, points.stream().mapToLong(Point::value).sum());
	}

	public boolean empty() {
		return total == 0;
	}

	/** The day with the most, for the chart's one-sentence summary. */
	public Point peak() {
		Point best = points.get(0);
		for (Point p : points) {
			if (p.value() > best.value()) {
				best = p;
			}
		}
		return best;
	}

	/**
	 * The top of the y axis: the smallest of 1, 2, 2.5, 5 × 10ⁿ at or above the largest
	 * value, so that four equal steps are round numbers (whole numbers: a count).
	 */
	public long axisMax() {
		if (max <= 4) {
			return 4;
		}
		long magnitude = 1;
		while (magnitude * 10 < max) {
			magnitude *= 10;
		}
		for (long m : new long[] { 1, 2, 4, 5, 8, 10 }) {
			long candidate = m * magnitude;
			if (candidate >= max && candidate % 4 == 0) {
				return candidate;
			}
		}
		return 10 * magnitude;
	}

	/** The y axis' ticks, bottom to top: 0 and four equal steps. */
	public List<Long> yTicks() {
		long top = axisMax();
		List<Long> ticks = new ArrayList<>();
		for (int i = 0; i <= 4; i++) {
			ticks.add(top * i / 4);
		}
		return ticks;
	}

	public double plotHeight() {
		return HEIGHT - TOP - BOTTOM;
	}

	public double y(long value) {
		return TOP + plotHeight() - plotHeight() * value / axisMax();
	}

	public double barWidth() {
		return (double) (WIDTH - LEFT - RIGHT) / points.size();
	}

	public double barHeight(Point p) {
		return plotHeight() * p.value() / axisMax();
	}

	public double x(int index) {
		return LEFT + index * barWidth();
	}

	/** The middle of a day's bar, where its date is written. */
	public double labelX(int index) {
		return x(index) + barWidth() / 2;
	}

	/**
	 * Whether the date under this bar is written: every day for a week, then about one in
	 * seven, always the last (today).
	 */
	public boolean labelled(int index) {
		int step = points.size() <= 7 ? 1 : (points.size() <= 31 ? 5 : 15);
		return index == points.size() - 1 || (points.size() - 1 - index) % step == 0;
	}

	public static String shortDate(LocalDate day) {
		return day.format(SHORT);
	}

	public static String num(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}

}
