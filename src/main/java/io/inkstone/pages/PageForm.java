package io.inkstone.pages;

import io.inkstone.shared.BadRequestException;

/**
 * A static page as an admin posts it, new or edited: path, title, Markdown body and the
 * footer position as typed (blank for none), each an empty string when left out. Its
 * rules are {@link StaticPages#save}'s, and the footer position must be a whole number;
 * {@link #fieldOf} says which field a refusal is about, so the page ties it there.
 */
record PageForm(String path, String title, String body, String footer) {

	PageForm {
		path = path == null ? "" : path;
		title = title == null ? "" : title;
		body = body == null ? "" : body;
		footer = footer == null ? "" : footer;
	}

	/** The footer position, null when blank; refused when it is no whole number. */
	Integer position() {
		try {
			return footer.isBlank() ? null : Integer.valueOf(footer.strip());
		}
		catch (NumberFormatException ex) {
			throw new BadRequestException("problem.pages.theFooterPositionMustBeA");
		}
	}

	/** The field a refusal (its message key) is about, or null when it is about none. */
	String fieldOf(String key) {
		return switch (key) {
			case "problem.pages.thePathMayHoldLettersDigits", "problem.pages.aPageWithThisPathExists" -> "path";
			case "problem.pages.theTitleMustBe1200" -> "title";
			case "problem.pages.theTextIsRequiredAtMost" -> "body";
			case "problem.pages.theFooterPositionMustBeA", "problem.pages.theFooterPositionMustBe0" -> "footer";
			default -> null;
		};
	}

}
