package io.inkstone.media;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Writes the implicit AI label into an image (人工智能生成合成内容标识办法 Art. 5): an XMP packet with
 * the IPTC {@code DigitalSourceType} and the platform's AIGC fields, as an APP1 segment
 * in JPEG or an iTXt chunk in PNG. Re-encoding strips every other piece of metadata; this
 * is the one we put back on purpose.
 */
final class XmpLabel {

	private static final byte[] JPEG_XMP_HEADER = "http://ns.adobe.com/xap/1.0/\0"
		.getBytes(StandardCharsets.ISO_8859_1);

	private XmpLabel() {
	}

	static String packet(String sourceType, String producer) {
		String type = sourceType == null || sourceType.equals("c2pa") ? "trainedAlgorithmicMedia" : sourceType;
		return "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>"
				+ "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
				+ "<rdf:Description rdf:about=\"\" xmlns:Iptc4xmpExt=\"http://iptc.org/std/Iptc4xmpExt/2008-02-29/\""
				+ " xmlns:AIGC=\"http://www.tc260.org.cn/ns/AIGC/1.0/\""
				+ " Iptc4xmpExt:DigitalSourceType=\"http://cv.iptc.org/newscodes/digitalsourcetype/" + type + "\""
				+ " AIGC:Label=\"1\" AIGC:ContentPropagator=\"" + escape(producer) + "\"/>"
				+ "</rdf:RDF></x:xmpmeta><?xpacket end=\"r\"?>";
	}

	static byte[] embed(byte[] image, ImageFormat format, String sourceType, String producer) {
		byte[] xmp = packet(sourceType, producer).getBytes(StandardCharsets.UTF_8);
		return switch (format) {
			case JPEG -> jpeg(image, xmp);
			case PNG -> png(image, xmp);
			default -> image; // animated GIFs are stored as uploaded
		};
	}

	private static byte[] jpeg(byte[] jpeg, byte[] xmp) {
		int length = 2 + JPEG_XMP_HEADER.length + xmp.length;
		ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length + length + 2);
		out.write(jpeg, 0, 2); // SOI
		out.write(0xFF);
		out.write(0xE1);
		out.write(length >> 8);
		out.write(length & 0xFF);
		out.writeBytes(JPEG_XMP_HEADER);
		out.writeBytes(xmp);
		out.write(jpeg, 2, jpeg.length - 2);
		return out.toByteArray();
	}

	private static byte[] png(byte[] png, byte[] xmp) {
		byte[] keyword = "XML:com.adobe.xmp".getBytes(StandardCharsets.ISO_8859_1);
		// keyword, NUL, compression flag 0, method 0, empty language tag NUL, empty
		// translated keyword NUL, text
		ByteBuffer data = ByteBuffer.allocate(keyword.length + 5 + xmp.length);
		data.put(keyword).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0).put(xmp);
		byte[] type = "iTXt".getBytes(StandardCharsets.ISO_8859_1);
		CRC32 crc = new CRC32();
		crc.update(type);
		crc.update(data.array());
		int afterHeader = 8 + 4 + 4 + 13 + 4; // signature, IHDR length/type/data/crc
		ByteArrayOutputStream out = new ByteArrayOutputStream(png.length + data.capacity() + 12);
		out.write(png, 0, afterHeader);
		out.writeBytes(ByteBuffer.allocate(4).putInt(data.capacity()).array());
		out.writeBytes(type);
		out.writeBytes(data.array());
		out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
		out.write(png, afterHeader, png.length - afterHeader);
		return out.toByteArray();
	}

	private static String escape(String value) {
		return value == null ? "" : value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
	}

}
