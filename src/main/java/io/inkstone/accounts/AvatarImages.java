package io.inkstone.accounts;

/**
 * Stores an avatar image (implemented by the media module: type, size and pixel checks,
 * metadata removed, resized renditions) and answers the URL of the rendition to show.
 * Refusals are thrown as {@code BadRequestException}, {@code UnsupportedMediaException}
 * or {@code PayloadTooLargeException}.
 */
public interface AvatarImages {

	String store(long accountId, byte[] image);

}
