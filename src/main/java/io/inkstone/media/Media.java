package io.inkstone.media;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;

import io.inkstone.shared.BadRequestException;
import io.inkstone.shared.Ids;
import io.inkstone.shared.NotFoundException;
import io.inkstone.shared.TooManyRequestsException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import io.inkstone.shared.SiteSettings;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * The media library's public API: upload (validate → process → store bytes → record the
 * row), list, delete, and serve. Bytes are written before the row, so a failure leaves at
 * most unreferenced content-addressed objects, never a row pointing at nothing.
 */
@Service
public class Media {

	private static final Logger log = LoggerFactory.getLogger(Media.class);

	public static final int MAX_ALT = 200;

	/**
	 * Decoding is memory-hungry; at most this many images are processed at once per node.
	 */
	private final Semaphore processing = new Semaphore(2);

	private final ImageProcessor processor;

	private final MediaStorage storage;

	private final MediaRepository repository;

	private final SiteSettings settings;

	private final Clock clock;

	Media(ImageProcessor processor, MediaStorage storage, MediaRepository repository, SiteSettings settings,
			Clock clock) {
		this.clock = clock;
		this.settings = settings;
		this.processor = processor;
		this.storage = storage;
		this.repository = repository;
	}

	public MediaItem upload(long creatorId, byte[] bytes, String alt) {
		return upload(creatorId, bytes, alt, false);
	}

	/**
	 * @param declaredAi the creator says the image is AI-generated; with detected AI
	 * metadata, the stored renditions carry the implicit AI label (XMP) and the library
	 * marks the image
	 */
	public MediaItem upload(long creatorId, byte[] bytes, String alt, boolean declaredAi) {
		String cleanAlt = alt == null ? "" : alt.strip();
		if (cleanAlt.isEmpty() || cleanAlt.length() > MAX_ALT) {
			throw new BadRequestException("problem.media.altTextIsRequired");
		}
		ImageProcessor.Processed image = process(bytes);
		String aiSource = image.aiSource() != null ? image.aiSource() : declaredAi ? "trainedAlgorithmicMedia" : null;
		try {
			for (ImageProcessor.Rendition r : image.renditions()) {
				byte[] stored = aiSource == null ? r.bytes()
						: XmpLabel.embed(r.bytes(), r.format(), aiSource, settings.siteName());
				storage.put(r.key(image.sha256()), stored, r.format().contentType());
			}
		}
		catch (RuntimeException ex) {
			log.warn("Storing media {} failed; removing what was written", image.sha256(), ex);
			forgetBytesIfUnused(image.sha256(), image.renditions().stream().map(r -> r.key(image.sha256())).toList());
			throw ex;
		}
		ImageProcessor.Rendition full = image.full();
		String renditions = image.renditions()
			.stream()
			.map(ImageProcessor.Rendition::name)
			.collect(Collectors.joining(","));
		long stored = image.renditions().stream().mapToLong(r -> r.bytes().length).sum();
		return repository.upsert(new MediaItem(Ids.next(), creatorId, image.sha256(), full.format().extension(),
				full.width(), full.height(), stored, renditions, cleanAlt, aiSource, clock.millis()));
	}

	public List<MediaItem> library(long creatorId) {
		return repository.ofCreator(creatorId, 200);
	}

	/**
	 * The creator's own item; someone else's id answers 404, exactly like a missing one.
	 */
	public MediaItem ownedBy(long id, long creatorId) {
		return repository.find(id)
			.filter(m -> m.creatorId() == creatorId)
			.orElseThrow(() -> new NotFoundException("media " + id));
	}

	public void delete(long id, long creatorId) {
		MediaItem item = ownedBy(id, creatorId);
		repository.delete(id, creatorId);
		forgetBytesIfUnused(item.sha256(), keysOf(item));
	}

	/**
	 * The AI-source metadata of an uploaded image, looked up by its public URL (for the
	 * AI-label checks).
	 */
	public Optional<MediaItem> byUrl(String url) {
		var m = Pattern.compile("/media/([0-9a-f]{64})/").matcher(url == null ? "" : url);
		return m.find() ? repository.anyBySha(m.group(1)) : Optional.empty();
	}

	/** Whether {@code url} is one of this creator's images (a cover must be). */
	public boolean ownsUrl(long creatorId, String url) {
		var m = Pattern.compile("/media/([0-9a-f]{64})/(full|[0-9]{2,4})\\.(jpg|png|gif)")
			.matcher(url == null ? "" : url);
		return m.matches() && repository.ofCreatorBySha(creatorId, m.group(1)).isPresent();
	}

	/**
	 * The stored full rendition of an item (what an export copies), if its bytes are
	 * there.
	 */
	public Optional<byte[]> fullImage(MediaItem item) {
		return read(item.sha256() + "/full." + item.extension()).map(MediaStorage.Blob::bytes);
	}

	/**
	 * Stores the site logo: checked and re-encoded like any upload (JPEG, PNG, WebP or
	 * GIF by content, no SVG; metadata dropped), without a library row; returns the key
	 * of the stored image. The caller keeps the key in {@link SiteSettings#SITE_LOGO},
	 * which keeps the bytes from being deleted with a library image of the same content.
	 */
	public String storeSiteImage(byte[] bytes) {
		ImageProcessor.Processed image = process(bytes);
		ImageProcessor.Rendition full = image.full();
		String key = full.key(image.sha256());
		storage.put(key, full.bytes(), full.format().contentType());
		return key;
	}

	/** A stored site image (the logo) by its key. */
	public Optional<MediaStorage.Blob> siteImage(String key) {
		return read(key);
	}

	Optional<MediaStorage.Blob> read(String key) {
		return MediaKeys.valid(key) ? storage.get(key) : Optional.empty();
	}

	private void forgetBytesIfUnused(String sha, List<String> keys) {
		if (repository.countBySha(sha) > 0
				|| settings.value(SiteSettings.SITE_LOGO).filter(logo -> logo.startsWith(sha + "/")).isPresent()) {
			return;
		}
		for (String key : keys) {
			try {
				storage.delete(key);
			}
			catch (RuntimeException ex) {
				log.warn("Could not delete media object {}", key, ex);
			}
		}
	}

	private static List<String> keysOf(MediaItem item) {
		return Arrays.stream(item.renditions().split(","))
			.map(r -> item.sha256() + "/" + r + "." + item.extension())
			.toList();
	}

	/**
	 * Checks and re-encodes an upload, at most a few at a time: decoding a large image
	 * takes memory and a core, so one more waits no longer than a 429 with Retry-After.
	 */
	private ImageProcessor.Processed process(byte[] bytes) {
		if (bytes.length == 0) {
			throw new BadRequestException("problem.media.chooseAnImage");
		}
		if (!processing.tryAcquire()) {
			throw new TooManyRequestsException(2);
		}
		try {
			return processor.process(bytes);
		}
		finally {
			processing.release();
		}
	}

}
