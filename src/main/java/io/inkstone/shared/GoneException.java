package io.inkstone.shared;

/** The resource existed but was taken down; rendered as a 410 page with the reason. */
public class GoneException extends UserFacingException {

	private final String title;

	public GoneException(String title, String reasonKey, Object... args) {
		super(reasonKey, args);
		this.title = title;
	}

	public String title() {
		return title;
	}

}
