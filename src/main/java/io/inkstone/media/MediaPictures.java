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

	private static final Pattern URL = Pattern.compile("/media/([0-9a-f]{64})/(?:full|[0-9]{2,4})\\.(jpg|png|gif)");

	private final MediaRepository repository;

	MediaPictures(MediaRepository repository) {
		this.repository = repository;
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
