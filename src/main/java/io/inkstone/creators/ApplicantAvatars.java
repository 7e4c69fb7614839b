package io.inkstone.creators;

/**
 * Stores the avatar an applicant uploads with 申请入驻 (implemented by the media module: the
 * same type, size, pixel and EXIF rules as every image). Returns the URL to show.
 */
public interface ApplicantAvatars {

	String store(long accountId, byte[] image);

}
