package io.inkstone.backup;

/**
 * A backup or restore refused or failed for a reason the user can act on; the message is
 * a bundle key with its arguments, so the command line and the admin page say it in the
 * reader's language.
 */
class BackupException extends RuntimeException {

	private final String key;

	private final transient Object[] args;

	BackupException(String key, Object... args) {
		super(key);
		this.key = key;
		this.args = args;
	}

	String key() {
		return key;
	}

	Object[] args() {
		return args;
	}

}
