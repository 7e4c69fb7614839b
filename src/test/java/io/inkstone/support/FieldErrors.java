package io.inkstone.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Checks that a refused form ties each error to its control the way
 * {@code components/field} and {@code components/fieldError} do: every control the
 * selector finds is marked {@code aria-invalid="true"} and names, in
 * {@code aria-describedby}, the id of the error text, which the page holds.
 */
public final class FieldErrors {

	private FieldErrors() {
	}

	/**
	 * @param controls the field's control(s): one input, or every radio or checkbox of a
	 * group
	 * @param errorId the error span's id ({@code field-error-<name>})
	 * @return the error's text
	 */
	public static String assertTied(Document page, String controls, String errorId) {
		Elements found = page.select(controls);
		assertThat(found).as("controls %s", controls).isNotEmpty();
		for (Element control : found) {
			assertThat(control.attr("aria-invalid")).as("aria-invalid of %s", control).isEqualTo("true");
			assertThat(control.attr("aria-describedby").split(" ")).as("aria-describedby of %s", control)
				.contains(errorId);
		}
		Element error = page.getElementById(errorId);
		assertThat(error).as("error #%s", errorId).isNotNull();
		assertThat(error.hasClass("field-error")).isTrue();
		assertThat(error.text()).isNotBlank();
		return error.text();
	}

	/** A control shown without an error: not marked invalid. */
	public static void assertUntied(Document page, String controls) {
		for (Element control : page.select(controls)) {
			assertThat(control.hasAttr("aria-invalid")).as("aria-invalid of %s", control).isFalse();
		}
	}

}
