package io.inkstone.studio;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.inkstone.shared.PlatformDays;

/**
 * One number per day for the last N days, with the geometry of a server-rendered SVG bar
 * chart (no JavaScript); the template also prints the numbers as a table, for screen
 * readers and for checking.
 */
public record DailySeries(String name, List<Point> points, long max, long total) {

	public static final int WIDTH = 720;

	public static final int HEIGHT = 160;

	public record Point(LocalDate day, long value) {
	}

	static DailySeries lastDays(String name, int days, Map<Integer, Long> byDay) {
		LocalDate today = PlatformDays.today();
		List<Point> points = new ArrayList<>();
		for (int i = days - 1; i >= 0; i--) {
			LocalDate day = today.minusDays(i);
			points.add(new Point(day, byDay.getOrDefault(PlatformDays.of(day), 0L)));
		}
		long max = points.stream().mapToLong(Point::value).max().orElse(0);
		return new DailySeries(name, points, max, points.stream().mapToLong(Point::value).sum());
	}

	public double barWidth() {
		return (double) WIDTH / points.size();
	}

	public double barHeight(Point p) {
		return max == 0 ? 0 : (double) (HEIGHT - 20) * p.value() / max;
	}

	public double x(int index) {
		return index * barWidth();
	}

}
