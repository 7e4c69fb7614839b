package io.inkstone.shared;

/** The resource existed but was taken down; rendered as a 410 page with the reason. */
public class GoneException extends RuntimeException {

	private final String title;

	public GoneException(String title, String reason) {
		super(reason);
		this.title = title;
	}

	public String title() {
		return title;
	}

}
