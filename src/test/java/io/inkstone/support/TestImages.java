package io.inkstone.support;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

/**
 * Images made in the test, with exactly the properties a test needs (EXIF GPS, a lying
 * header …).
 */
public final class TestImages {

	private TestImages() {
	}

	public static BufferedImage picture(int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(0x2b6cb0));
		g.fillRect(0, 0, width, height);
		g.setColor(Color.WHITE);
		g.fillOval(width / 4, height / 4, width / 2, height / 2);
		g.dispose();
		return image;
	}

	public static byte[] encode(BufferedImage image, String format) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			if (!ImageIO.write(image, format, out)) {
				throw new IllegalStateException("no writer for " + format);
			}
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A JPEG carrying an EXIF block with an orientation and a GPS latitude, as phone
	 * cameras write them.
	 */
	public static byte[] jpegWithGps(int width, int height, int orientation) {
		byte[] jpeg = encode(picture(width, height), "jpg");
		ByteBuffer tiff = ByteBuffer.allocate(56).order(ByteOrder.LITTLE_ENDIAN);
		tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
		tiff.putShort((short) 2);
		tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
		tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(38);
		tiff.putInt(0);
		tiff.putShort((short) 1);
		tiff.putShort((short) 0x0001).putShort((short) 2).putInt(2).put((byte) 'N').put((byte) 0).putShort((short) 0);
		tiff.putInt(0);
		byte[] exifHeader = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
		int length = 2 + exifHeader.length + tiff.capacity();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(0xFF);
		out.write(0xD8);
		out.write(0xFF);
		out.write(0xE1);
		out.write(length >> 8);
		out.write(length & 0xFF);
		out.writeBytes(exifHeader);
		out.writeBytes(tiff.array());
		out.write(jpeg, 2, jpeg.length - 2);
		return out.toByteArray();
	}

	/**
	 * A tiny PNG whose header claims {@code width × height} pixels: a decompression
	 * bomb's calling card.
	 */
	public static byte[] pngClaiming(int width, int height) {
		byte[] png = encode(picture(1, 1), "png");
		ByteBuffer buffer = ByteBuffer.wrap(png);
		buffer.putInt(16, width);
		buffer.putInt(20, height);
		CRC32 crc = new CRC32();
		crc.update(png, 12, 17);
		buffer.putInt(29, (int) crc.getValue());
		return png;
	}

}
