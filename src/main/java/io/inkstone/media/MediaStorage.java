package io.inkstone.media;

import java.util.Optional;

/**
 * Where image bytes live. Keys are content-addressed ({@code <sha256>/<variant>.<ext>}),
 * so a put of an existing key is a harmless overwrite with the same bytes and every node
 * can serve any key.
 */
public interface MediaStorage {

	void put(String key, byte[] bytes, String contentType);

	Optional<Blob> get(String key);

	void delete(String key);

	record Blob(byte[] bytes, String contentType) {
	}

}
