package io.inkstone.media;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.xmp.XmpDirectory;

import io.inkstone.shared.PayloadTooLargeException;
import io.inkstone.shared.UnsupportedMediaException;

import net.coobird.thumbnailator.Thumbnails;
import java.awt.Color;

/**
 * Turns an upload into the images Inkstone serves. The type comes from the bytes; the
 * pixel count is read from the header before anything is decoded (so a decompression bomb
 * costs nothing); large images are decoded subsampled; every output is re-encoded, which
 * drops EXIF, GPS and any other metadata. Animated GIFs keep their frames so they keep
 * moving, but lose comment and XMP blocks ({@link GifStreams}).
 */
final class ImageProcessor {

	/** The longest edge of the largest stored rendition. */
	static final int MAX_EDGE = 2560;

	/** One rendition: {@code full} or a width. */
	record Rendition(String name, int width, int height, ImageFormat format, byte[] bytes) {

		String key(String sha256) {
			return sha256 + "/" + name + "." + format.extension();
		}

	}

	/**
	 * @param aiSource what the upload's own metadata says about AI generation (IPTC
	 * DigitalSourceType value or {@code c2pa}), or null; kept for the AI-label checks
	 */
	record Processed(String sha256, ImageFormat uploadFormat, int width, int height, List<Rendition> renditions,
			String aiSource) {

		Rendition full() {
			return renditions.get(0);
		}

	}

	private final MediaProperties properties;

	ImageProcessor(MediaProperties properties) {
		this.properties = properties;
	}

	Processed process(byte[] upload) {
		if (upload.length > properties.maxBytes()) {
			throw new PayloadTooLargeException("problem.media.imageTooLarge", properties.maxBytes() / (1024 * 1024));
		}
		ImageFormat format = ImageFormat.sniff(upload)
			.orElseThrow(() -> new UnsupportedMediaException("problem.media.onlyJpegPngWebpOrGif"));
		Metadata metadata = readMetadata(upload);
		String sha = sha256(upload);
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
			Iterator<ImageReader> readers = ImageIO
				.getImageReadersByFormatName(format.extension().equals("jpg") ? "jpeg" : format.extension());
			if (!readers.hasNext()) {
				throw new UnsupportedMediaException("problem.media.cannotReadThisImage");
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, false, true);
				int width = reader.getWidth(0);
				int height = reader.getHeight(0);
				if ((long) width * height > properties.maxPixels()) {
					throw new PayloadTooLargeException("problem.media.tooManyPixels",
							properties.maxPixels() / 1_000_000);
				}
				if (format == ImageFormat.GIF) {
					// every frame against the limits (not only the first); an animation
					// is kept as its frames,
					// without comment or XMP blocks
					GifStreams.Stripped gif = GifStreams.strip(upload, properties.maxPixels(),
							4 * properties.maxPixels());
					if (gif.frames() > 1) {
						return new Processed(sha, format, width, height,
								List.of(new Rendition("full", width, height, ImageFormat.GIF, gif.bytes())),
								aiSource(metadata, upload));
					}
				}
				ImageReadParam param = reader.getDefaultReadParam();
				int subsampling = Math.max(1, Math.max(width, height) / MAX_EDGE);
				param.setSourceSubsampling(subsampling, subsampling, 0, 0);
				BufferedImage image = upright(reader.read(0, param), orientation(metadata));
				return new Processed(sha, format, image.getWidth(), image.getHeight(), renditions(image),
						aiSource(metadata, upload));
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof PayloadTooLargeException || ex instanceof UnsupportedMediaException) {
				throw (RuntimeException) ex;
			}
			throw new UnsupportedMediaException("problem.media.theImageIsDamagedOrUnreadable");
		}
	}

	private List<Rendition> renditions(BufferedImage image) throws IOException {
		boolean alpha = image.getColorModel().hasAlpha();
		ImageFormat out = alpha ? ImageFormat.PNG : ImageFormat.JPEG;
		BufferedImage source = alpha ? image : opaque(image);
		List<Rendition> result = new ArrayList<>();
		int longEdge = Math.max(source.getWidth(), source.getHeight());
		double fullScale = longEdge > MAX_EDGE ? (double) MAX_EDGE / longEdge : 1.0;
		result.add(encode("full", Thumbnails.of(source).scale(fullScale), out));
		for (int w : properties.widths()) {
			if (w < result.get(0).width()) {
				result.add(encode(Integer.toString(w), Thumbnails.of(source).width(w), out));
			}
		}
		return result;
	}

	private static Rendition encode(String name, Thumbnails.Builder<BufferedImage> builder, ImageFormat format)
			throws IOException {
		BufferedImage resized = builder.asBufferedImage();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		var writer = Thumbnails.of(resized).scale(1.0).outputFormat(format == ImageFormat.JPEG ? "jpg" : "png");
		if (format == ImageFormat.JPEG) {
			writer.outputQuality(0.85);
		}
		writer.toOutputStream(bytes);
		return new Rendition(name, resized.getWidth(), resized.getHeight(), format, bytes.toByteArray());
	}

	private static BufferedImage opaque(BufferedImage image) {
		if (image.getType() == BufferedImage.TYPE_INT_RGB || image.getType() == BufferedImage.TYPE_3BYTE_BGR) {
			return image;
		}
		BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
		Graphics2D g = rgb.createGraphics();
		g.drawImage(image, 0, 0, Color.WHITE, null);
		g.dispose();
		return rgb;
	}

	/**
	 * Applies the EXIF orientation before the EXIF block is dropped, so phone photos stay
	 * upright.
	 */
	private static BufferedImage upright(BufferedImage image, int orientation) throws IOException {
		int degrees = switch (orientation) {
			case 3 -> 180;
			case 6 -> 90;
			case 8 -> 270;
			default -> 0;
		};
		return degrees == 0 ? image : Thumbnails.of(image).scale(1.0).rotate(degrees).asBufferedImage();
	}

	private static Metadata readMetadata(byte[] upload) {
		try {
			return ImageMetadataReader.readMetadata(new ByteArrayInputStream(upload));
		}
		catch (Exception ex) {
			return new Metadata();
		}
	}

	private static int orientation(Metadata metadata) {
		ExifIFD0Directory exif = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
		Integer value = exif == null ? null : exif.getInteger(ExifIFD0Directory.TAG_ORIENTATION);
		return value == null ? 1 : value;
	}

	/**
	 * IPTC DigitalSourceType in XMP (e.g. trainedAlgorithmicMedia), or a C2PA manifest
	 * (JUMBF box labelled c2pa).
	 */
	static String aiSource(Metadata metadata, byte[] upload) {
		for (XmpDirectory xmp : metadata.getDirectoriesOfType(XmpDirectory.class)) {
			for (var entry : xmp.getXmpProperties().entrySet()) {
				if (entry.getKey().contains("DigitalSourceType")) {
					String value = entry.getValue();
					String type = value.substring(value.lastIndexOf('/') + 1);
					if (type.toLowerCase(Locale.ROOT).contains("algorithmic")) {
						return type;
					}
				}
			}
		}
		String head = new String(upload, 0, Math.min(upload.length, 256 * 1024), StandardCharsets.ISO_8859_1);
		return head.contains("jumb") && head.contains("c2pa") ? "c2pa" : null;
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
