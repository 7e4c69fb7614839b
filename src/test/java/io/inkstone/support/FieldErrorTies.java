package io.inkstone.support;

import java.util.Arrays;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a refused form must show a field's error: the control is marked invalid and names
 * the error's text ({@code components/fieldError}, id {@code field-error-<field>}) as its
 * description, so a screen reader says what is wrong where it is.
 */
public final class FieldErrorTies {

	private FieldErrorTies() {
	}

	/**
	 * The control {@code control} (a CSS selector) is invalid and described by the error
	 * of {@code field}, which says something; returns the error's text.
	 */
	public static String assertTied(Document page, String control, String field) {
		Element input = page.selectFirst(control);
		assertThat(input).as("control %s", control).isNotNull();
		assertThat(input.attr("aria-invalid")).as("aria-invalid of %s", control).isEqualTo("true");
		String id = "field-error-" + field;
		assertThat(Arrays.asList(input.attr("aria-describedby").split(" "))).as("aria-describedby of %s", control)
			.contains(id);
		Element error = page.getElementById(id);
		assertThat(error).as("#%s", id).isNotNull();
		assertThat(error.attr("data-field")).isEqualTo(field);
		assertThat(error.text()).as("#%s", id).isNotBlank();
		return error.text();
	}

	/** The control is not marked invalid. */
	public static void assertValid(Document page, String control) {
		Element input = page.selectFirst(control);
		assertThat(input).as("control %s", control).isNotNull();
		assertThat(input.hasAttr("aria-invalid")).as("aria-invalid of %s", control).isFalse();
	}

}
