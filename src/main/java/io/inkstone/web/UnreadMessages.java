package io.inkstone.web;

/**
 * The page header's unread-message count for a signed-in account, provided by the message
 * centre (a port, so that the web layer does not depend on it).
 */
public interface UnreadMessages {

	/**
	 * Unread messages of this account, counted up to {@code cap} (the header shows "99+"
	 * beyond).
	 */
	long unread(long accountId, int cap);

}
