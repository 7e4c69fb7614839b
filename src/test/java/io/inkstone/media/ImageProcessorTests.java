package io.inkstone.media;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

import javax.imageio.ImageIO;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;

import io.inkstone.shared.PayloadTooLargeException;
import io.inkstone.shared.UnsupportedMediaException;
import io.inkstone.support.TestImages;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import com.drew.metadata.xmp.XmpDirectory;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

class ImageProcessorTests {

	final ImageProcessor processor = new ImageProcessor(
			new MediaProperties("local", 2 * 1024 * 1024, 20_000_000, List.of(480, 960), null));

	@Test
	void gpsAndExifAreRemovedAndThePhotoIsTurnedUpright() throws Exception {
		byte[] upload = TestImages.jpegWithGps(1200, 800, 6);
		assertThat(ImageMetadataReader.readMetadata(new ByteArrayInputStream(upload))
			.getFirstDirectoryOfType(GpsDirectory.class)).as("the fixture really carries GPS").isNotNull();

		ImageProcessor.Processed image = processor.process(upload);

		assertThat(image.uploadFormat()).isEqualTo(ImageFormat.JPEG);
		assertThat(image.renditions()).extracting(ImageProcessor.Rendition::name).containsExactly("full", "480");
		for (ImageProcessor.Rendition r : image.renditions()) {
			var metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(r.bytes()));
			assertThat(metadata.getFirstDirectoryOfType(GpsDirectory.class)).isNull();
			assertThat(metadata.getFirstDirectoryOfType(ExifIFD0Directory.class)).isNull();
		}
		// orientation 6 = rotate 90°: the stored image is portrait
		var full = ImageIO.read(new ByteArrayInputStream(image.full().bytes()));
		assertThat(full.getWidth()).isEqualTo(800);
		assertThat(full.getHeight()).isEqualTo(1200);
		assertThat(ImageIO.read(new ByteArrayInputStream(image.renditions().get(1).bytes())).getWidth()).isEqualTo(480);
		assertThat(image.sha256()).hasSize(64);
	}

	@Test
	void theTypeComesFromTheBytesNotTheName() {
		assertThatThrownBy(() -> processor.process("<svg onload=alert(1)></svg>".getBytes()))
			.isInstanceOf(UnsupportedMediaException.class);
		assertThatThrownBy(() -> processor.process(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 1, 2 }))
			.as("a JPEG signature followed by garbage")
			.isInstanceOf(UnsupportedMediaException.class);
		assertThat(processor.process(TestImages.encode(TestImages.picture(40, 30), "png")).uploadFormat())
			.isEqualTo(ImageFormat.PNG);
	}

	@Test
	void aDecompressionBombIsRefusedFromItsHeader() {
		byte[] bomb = TestImages.pngClaiming(50_000, 50_000);
		assertThat(bomb.length).isLessThan(200);
		assertThatThrownBy(() -> processor.process(bomb)).isInstanceOf(PayloadTooLargeException.class);
	}

	@Test
	void oversizedUploadsAreRefused() {
		assertThatThrownBy(() -> processor.process(new byte[3 * 1024 * 1024]))
			.isInstanceOf(PayloadTooLargeException.class);
	}

	@Test
	void webpIsDecodedAndStoredAsPngWhenTransparent() throws IOException {
		byte[] webp = getClass().getResourceAsStream("/fixtures/python-logo.webp").readAllBytes();
		ImageProcessor.Processed image = processor.process(webp);
		assertThat(image.uploadFormat()).isEqualTo(ImageFormat.WEBP);
		assertThat(image.full().format()).isEqualTo(ImageFormat.PNG);
		assertThat(image.width()).isEqualTo(16);
	}

	@Test
	void aiGenerationMetadataIsRecognised() {
		String xmp = "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
				+ "<rdf:Description xmlns:Iptc4xmpExt=\"http://iptc.org/std/Iptc4xmpExt/2008-02-29/\" "
				+ "Iptc4xmpExt:DigitalSourceType=\"http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia\"/>"
				+ "</rdf:RDF></x:xmpmeta>";
		byte[] jpeg = TestImages.encode(TestImages.picture(64, 64), "jpg");
		byte[] header = "http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.ISO_8859_1);
		byte[] payload = xmp.getBytes(StandardCharsets.UTF_8);
		int length = 2 + header.length + payload.length;
		var out = new ByteArrayOutputStream();
		out.write(0xFF);
		out.write(0xD8);
		out.write(0xFF);
		out.write(0xE1);
		out.write(length >> 8);
		out.write(length & 0xFF);
		out.writeBytes(header);
		out.writeBytes(payload);
		out.write(jpeg, 2, jpeg.length - 2);

		assertThat(processor.process(out.toByteArray()).aiSource()).isEqualTo("trainedAlgorithmicMedia");
		assertThat(processor.process(jpeg).aiSource()).isNull();
	}

	@Test
	void theImplicitAiLabelIsWrittenIntoJpegAndPngAndTheImagesStillDecode() throws Exception {
		for (ImageFormat format : List.of(ImageFormat.JPEG, ImageFormat.PNG)) {
			byte[] plain = TestImages.encode(TestImages.picture(64, 48), format == ImageFormat.JPEG ? "jpg" : "png");
			byte[] labelled = XmpLabel.embed(plain, format, "trainedAlgorithmicMedia", "砚 Inkstone");
			var metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(labelled));
			var xmp = metadata.getFirstDirectoryOfType(XmpDirectory.class);
			assertThat(xmp).as(format.name()).isNotNull();
			assertThat(xmp.getXmpProperties().values()).anyMatch(v -> v.endsWith("/trainedAlgorithmicMedia"));
			assertThat(ImageIO.read(new ByteArrayInputStream(labelled)).getWidth()).isEqualTo(64);
			// and the processor reads its own label back: a re-upload is recognised as
			// AI-generated
			assertThat(processor.process(labelled).aiSource()).isEqualTo("trainedAlgorithmicMedia");
		}
	}

	/**
	 * An animated GIF of {@code frames} copies of one small frame, with a comment and an
	 * XMP block carrying GPS.
	 */
	static byte[] animatedGifWithMetadata(int frames) {
		byte[] single = TestImages.encode(TestImages.picture(40, 30), "gif");
		int tableEnd = 13 + ((single[10] & 0x80) != 0 ? 3 * (1 << ((single[10] & 7) + 1)) : 0);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(single, 0, tableEnd);
		byte[] comment = "GPS 31.2304,121.4737 拍摄于家中".getBytes(StandardCharsets.UTF_8);
		out.writeBytes(new byte[] { 0x21, (byte) 0xFE, (byte) comment.length });
		out.writeBytes(comment);
		out.write(0);
		byte[] xmp = "<x:xmpmeta><exif:GPSLatitude>31,13.8N</exif:GPSLatitude></x:xmpmeta>"
			.getBytes(StandardCharsets.US_ASCII);
		out.writeBytes(new byte[] { 0x21, (byte) 0xFF, 11 });
		out.writeBytes("XMP DataXMP".getBytes(StandardCharsets.US_ASCII));
		out.write(xmp.length);
		out.writeBytes(xmp);
		out.write(0);
		out.writeBytes(new byte[] { 0x21, (byte) 0xFF, 11 });
		out.writeBytes("NETSCAPE2.0".getBytes(StandardCharsets.US_ASCII));
		out.writeBytes(new byte[] { 3, 1, 0, 0, 0 });
		for (int f = 0; f < frames; f++) {
			out.write(single, tableEnd, single.length - 1 - tableEnd); // the frame's
																		// blocks, without
																		// the trailer
		}
		out.write(0x3B);
		return out.toByteArray();
	}

	@Test
	void animatedGifsKeepMovingButLoseCommentsAndXmp() throws Exception {
		byte[] upload = animatedGifWithMetadata(3);
		assertThat(new String(upload, StandardCharsets.ISO_8859_1)).contains("GPS").contains("XMP DataXMP");

		ImageProcessor.Processed image = processor.process(upload);

		byte[] stored = image.full().bytes();
		assertThat(image.full().format()).isEqualTo(ImageFormat.GIF);
		String text = new String(stored, StandardCharsets.ISO_8859_1);
		assertThat(text).doesNotContain("GPS").doesNotContain("XMP").contains("NETSCAPE2.0");
		var reader = ImageIO.getImageReadersByFormatName("gif").next();
		reader.setInput(ImageIO.createImageInputStream(new ByteArrayInputStream(stored)));
		assertThat(reader.getNumImages(true)).isEqualTo(3);
		assertThat(reader.read(2).getWidth()).isEqualTo(40);
	}

	@Test
	void everyFrameOfAnAnimatedGifIsCheckedAgainstThePixelLimit() {
		byte[] upload = animatedGifWithMetadata(2);
		// the second frame's descriptor claims 6000 × 6000: a bomb hiding behind a small
		// first frame
		int second = -1;
		for (int i = upload.length - 1, seen = 0; i > 13; i--) {
			if (upload[i] == 0x2C && upload[i - 1] == 0 && ++seen == 1) {
				second = i;
				break;
			}
		}
		assertThat(second).isPositive();
		upload[second + 5] = (byte) (6000 & 0xFF);
		upload[second + 6] = (byte) (6000 >> 8);
		upload[second + 7] = (byte) (6000 & 0xFF);
		upload[second + 8] = (byte) (6000 >> 8);
		assertThatThrownBy(() -> processor.process(upload)).isInstanceOf(PayloadTooLargeException.class);
	}

}
