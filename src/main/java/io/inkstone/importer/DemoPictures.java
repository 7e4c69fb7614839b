package io.inkstone.importer;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Random;

import javax.imageio.ImageIO;

/**
 * Cover pictures for the demo content, drawn with Java2D when the demo is seeded: nothing
 * is downloaded and nothing is anyone else's work. Each picture is a colour field of the
 * article's channel with a few quiet shapes (hills, a moon, waves, a grid of seal
 * squares) and, when the JVM has a CJK font, one character of the title large in the
 * middle. The composition is drawn from the article's key, so a picture is the same at
 * every start and differs from its neighbours.
 */
final class DemoPictures {

	static final int WIDTH = 1200;

	static final int HEIGHT = 800;

	/** Per channel: the field's two colours (top, bottom). */
	private static final Map<String, Color[]> PALETTES = Map.of("classics",
			new Color[] { new Color(0x5b4636), new Color(0x2f241c) }, "poetry-tang",
			new Color[] { new Color(0xb5442f), new Color(0x6e2418) }, "poetry-song",
			new Color[] { new Color(0x5f8a7a), new Color(0x2c4d44) }, "ci",
			new Color[] { new Color(0x3c5a8a), new Color(0x1d2c4a) }, "qu",
			new Color[] { new Color(0x8a4f7d), new Color(0x4a2643) }, "poetry-pre-tang",
			new Color[] { new Color(0xb08a3e), new Color(0x6b5220) });

	private static final Color[] FALLBACK = { new Color(0x6b6b6b), new Color(0x2e2e2e) };

	private static final Font CJK = cjkFont();

	private DemoPictures() {
	}

	/** Whether the pictures carry a character (a CJK font was found). */
	static boolean hasCjkFont() {
		return CJK != null;
	}

	/**
	 * A JPEG picture for one article: {@code variant} 0 is the cover, 1… further pictures
	 * of the same article, each a different composition.
	 */
	static byte[] draw(String key, String channel, String title, int variant) {
		Random random = new Random((key + "#" + variant).hashCode());
		BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
			Color[] palette = PALETTES.getOrDefault(channel, FALLBACK);
			Color top = shift(palette[0], random.nextInt(31) - 15);
			Color bottom = shift(palette[1], random.nextInt(31) - 15);
			g.setPaint(new GradientPaint(0, 0, top, 0, HEIGHT, bottom));
			g.fillRect(0, 0, WIDTH, HEIGHT);
			int pattern = Math.floorMod(random.nextInt() + variant, 4);
			switch (pattern) {
				case 0 -> hills(g, random, top);
				case 1 -> moon(g, random);
				case 2 -> waves(g, random);
				default -> seals(g, random);
			}
			String glyph = glyph(title, variant);
			if (CJK != null && glyph != null && CJK.canDisplayUpTo(glyph) == -1) {
				character(g, glyph);
			}
		}
		finally {
			g.dispose();
		}
		return jpeg(image);
	}

	/** The character shown: the title's first (cover), then later ones. */
	static String glyph(String title, int variant) {
		List<String> letters = title.codePoints()
			.filter(Character::isIdeographic)
			.mapToObj(Character::toString)
			.toList();
		if (letters.isEmpty()) {
			return null;
		}
		return letters.get(Math.min(variant, letters.size() - 1));
	}

	private static void hills(Graphics2D g, Random random, Color top) {
		for (int layer = 0; layer < 3; layer++) {
			Path2D.Double hill = new Path2D.Double();
			double base = HEIGHT * (0.55 + layer * 0.12);
			hill.moveTo(0, HEIGHT);
			hill.lineTo(0, base);
			int peaks = 2 + random.nextInt(3);
			for (int i = 1; i <= peaks; i++) {
				double x = WIDTH * i / (double) peaks;
				double peak = base - 60 - random.nextInt(140);
				hill.quadTo(x - WIDTH / (2.0 * peaks), peak, x, base + random.nextInt(30));
			}
			hill.lineTo(WIDTH, HEIGHT);
			hill.closePath();
			g.setColor(new Color(0, 0, 0, 50 + layer * 25));
			g.fill(hill);
		}
		g.setColor(new Color(255, 255, 255, 40));
		g.fill(new Ellipse2D.Double(WIDTH * 0.72, HEIGHT * 0.14, 120, 120));
	}

	private static void moon(Graphics2D g, Random random) {
		double size = 360 + random.nextInt(160);
		double x = WIDTH * (0.2 + random.nextDouble() * 0.6) - size / 2;
		double y = HEIGHT * 0.5 - size / 2;
		g.setColor(new Color(255, 244, 220, 60));
		g.fill(new Ellipse2D.Double(x, y, size, size));
		g.setColor(new Color(255, 244, 220, 90));
		g.setStroke(new BasicStroke(3f));
		g.draw(new Ellipse2D.Double(x - 30, y - 30, size + 60, size + 60));
		g.setColor(new Color(0, 0, 0, 60));
		g.fillRect(0, (int) (HEIGHT * 0.82), WIDTH, HEIGHT);
	}

	private static void waves(Graphics2D g, Random random) {
		g.setStroke(new BasicStroke(4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
		double amplitude = 14 + random.nextInt(16);
		double length = 120 + random.nextInt(120);
		for (int row = 0; row < 9; row++) {
			Path2D.Double wave = new Path2D.Double();
			double y = HEIGHT * 0.45 + row * 44;
			wave.moveTo(0, y);
			for (int x = 0; x <= WIDTH; x += 10) {
				wave.lineTo(x, y + amplitude * Math.sin((x + row * 37) / length * Math.PI * 2));
			}
			g.setColor(new Color(255, 255, 255, 30 + row * 6));
			g.draw(wave);
		}
	}

	private static void seals(Graphics2D g, Random random) {
		int cell = 100;
		for (int x = 0; x < WIDTH; x += cell) {
			for (int y = 0; y < HEIGHT; y += cell) {
				if (random.nextInt(5) == 0) {
					g.setColor(new Color(255, 255, 255, 18 + random.nextInt(30)));
					g.fillRect(x + 8, y + 8, cell - 16, cell - 16);
				}
			}
		}
		g.setColor(new Color(0xc0392b));
		g.fillRect(WIDTH - 190, HEIGHT - 190, 110, 110);
	}

	private static void character(Graphics2D g, String glyph) {
		Font font = CJK.deriveFont(Font.PLAIN, 420f);
		g.setFont(font);
		FontMetrics metrics = g.getFontMetrics();
		int x = (WIDTH - metrics.stringWidth(glyph)) / 2;
		int y = (HEIGHT - metrics.getHeight()) / 2 + metrics.getAscent();
		g.setColor(new Color(0, 0, 0, 70));
		g.drawString(glyph, x + 8, y + 8);
		g.setColor(new Color(255, 250, 240, 235));
		g.drawString(glyph, x, y);
	}

	private static Color shift(Color c, int by) {
		return new Color(clamp(c.getRed() + by), clamp(c.getGreen() + by), clamp(c.getBlue() + by));
	}

	private static int clamp(int v) {
		return Math.max(0, Math.min(255, v));
	}

	private static byte[] jpeg(BufferedImage image) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			ImageIO.write(image, "jpg", out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A serif CJK font the JVM has (Noto Serif/Sans CJK first), or null. */
	private static Font cjkFont() {
		try {
			String[] families = GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames();
			for (String preferred : List.of("Noto Serif CJK SC", "Noto Sans CJK SC", "Source Han Serif SC",
					"WenQuanYi Zen Hei", "AR PL UMing CN")) {
				for (String family : families) {
					if (family.equals(preferred)) {
						return new Font(family, Font.PLAIN, 12);
					}
				}
			}
			for (String family : families) {
				Font font = new Font(family, Font.PLAIN, 12);
				if (font.canDisplayUpTo("山水") == -1) {
					return font;
				}
			}
		}
		catch (RuntimeException | LinkageError ex) {
			// no fonts at all (a headless JVM without fontconfig): patterns only
		}
		return null;
	}

}
