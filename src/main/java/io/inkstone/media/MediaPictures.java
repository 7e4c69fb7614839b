package io.inkstone.media;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.inkstone.shared.Picture;

import org.springframework.stereotype.Component;
import java.util.HashSet;

/**
 * Tells list cards which renditions of an uploaded image exist and how large it is, in
 * one query per list.
 */
@Component
class MediaPictures implements Picture.Source {

	/** The storage key of an image address: {@code <sha256>/<rendition>.<ext>}. */
	private static final Pattern KEY = Pattern.compile("/media/([0-9a-f]{64}/(?:full|[0-9]{2,4})\\.(?:jpg|png|gif))");

	private static final Pattern URL = Pattern.compile("/media/([0-9a-f]{64})/(?:full|[0-9]{2,4})\\.(jpg|png|gif)");

	private final MediaRepository repository;

	private final MediaStorage storage;

	MediaPictures(MediaRepository repository, MediaStorage storage) {
		this.repository = repository;
		this.storage = storage;
	}

	@Override
	public long byteSize(String url) {
		Matcher m = KEY.matcher(url == null ? "" : url);
		if (!m.matches()) {
			return -1;
		}
		try {
			return storage.size(m.group(1));
		}
		catch (RuntimeException ex) {
			return -1;
		}
	}

	@Override
	public Map<String, Picture> pictures(Collection<String> urls) {
		Map<String, String> shaOf = new HashMap<>();
		for (String url : urls) {
			Matcher m = URL.matcher(url == null ? "" : url);
			if (m.matches()) {
				shaOf.put(url, m.group(1));
			}
		}
		if (shaOf.isEmpty()) {
			return Map.of();
		}
		Map<String, MediaItem> bySha = new HashMap<>();
		for (MediaItem item : repository.anyByShas(new HashSet<>(shaOf.values()))) {
			bySha.putIfAbsent(item.sha256(), item);
		}
		Map<String, Picture> found = new HashMap<>();
		shaOf.forEach((url, sha) -> {
			MediaItem item = bySha.get(sha);
			if (item != null) {
				found.put(url, new Picture(item.url(), item.srcset(), item.width(), item.height()));
			}
		});
		return found;
	}

}
