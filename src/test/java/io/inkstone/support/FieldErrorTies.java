package io.inkstone.support;

import java.util.Arrays;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a refused form must show a field's error ({@code components/field} and
 * {@code components/fieldError}): every control of the field is marked
 * {@code aria-invalid="true"} and names the error's text as its description
 * ({@code aria-describedby}), so a screen reader says what is wrong where it is.
 */
public final class FieldErrorTies {

	private FieldErrorTies() {
	}

	/**
	 * The control(s) {@code controls} (a CSS selector: one input, or every radio or
	 * checkbox of a group) are invalid and described by the error of {@code field} (id
	 * {@code field-error-<field>}), which says something; returns the error's text.
	 */
	public static String assertTied(Document page, String controls, String field) {
		String text = assertTiedTo(page, controls, "field-error-" + field);
		assertThat(page.getElementById("field-error-" + field).attr("data-field")).isEqualTo(field);
		return text;
	}

	/**
	 * As {@link #assertTied}, for an error whose id is not the field's own (a page with
	 * one form per row gives each row's error its own id).
	 */
	public static String assertTiedTo(Document page, String controls, String errorId) {
		Elements found = page.select(controls);
		assertThat(found).as("controls %s", controls).isNotEmpty();
		for (Element control : found) {
			assertThat(control.attr("aria-invalid")).as("aria-invalid of %s", control).isEqualTo("true");
			assertThat(Arrays.asList(control.attr("aria-describedby").split(" "))).as("aria-describedby of %s", control)
				.contains(errorId);
		}
		Element error = page.getElementById(errorId);
		assertThat(error).as("error #%s", errorId).isNotNull();
		assertThat(error.hasClass("field-error")).isTrue();
		assertThat(error.text()).as("#%s", errorId).isNotBlank();
		return error.text();
	}

	/** The control(s) are shown without an error: not marked invalid. */
	public static void assertValid(Document page, String controls) {
		Elements found = page.select(controls);
		assertThat(found).as("controls %s", controls).isNotEmpty();
		for (Element control : found) {
			assertThat(control.hasAttr("aria-invalid")).as("aria-invalid of %s", control).isFalse();
		}
	}

}
