package io.inkstone.web;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import io.inkstone.shared.UserFacingException;

import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * The one way a controller turns a {@code @Valid} form record's errors into what its page
 * shows: field name → message key (the constraint's {@code message}), the first error of
 * each field. Templates show them through {@code components/field} or
 * {@code components/fieldError}, which tie the text to its control.
 */
public final class FormErrors {

	/**
	 * The key shown for a value that would not even convert (letters in a number field).
	 */
	public static final String UNREADABLE = "form.error.value";

	private FormErrors() {
	}

	/** Every field error, a value that would not convert as {@link #UNREADABLE}. */
	public static Map<String, String> of(BindingResult binding) {
		return collect(binding, true);
	}

	/**
	 * Every field error as field → its words in the page's language (for a page that
	 * shows words).
	 */
	public static Map<String, String> inWords(BindingResult binding, Ui words) {
		Map<String, String> errors = of(binding);
		errors.replaceAll((field, key) -> words.t(key));
		return errors;
	}

	/**
	 * The constraint errors only: a value that would not convert is left to the caller's
	 * own rules, which judge the raw text (the editor's scheduled time).
	 */
	public static Map<String, String> ofConstraints(BindingResult binding) {
		return collect(binding, false);
	}

	private static Map<String, String> collect(BindingResult binding, boolean unreadable) {
		Map<String, String> errors = new TreeMap<>();
		for (FieldError error : binding.getFieldErrors()) {
			if (!error.isBindingFailure() && error.getDefaultMessage() != null) {
				errors.putIfAbsent(error.getField(), error.getDefaultMessage());
			}
			else if (unreadable) {
				errors.putIfAbsent(error.getField(), UNREADABLE);
			}
		}
		return errors;
	}

	/**
	 * A service's refusal of a posted form, in words, also put into {@code errors} at the
	 * field its message key is about ({@code fieldOf} answers null for a refusal of the
	 * whole form), so the page shows it above the form and at the control.
	 */
	public static String refusal(UserFacingException refusal, Ui words, Function<String, String> fieldOf,
			Map<String, String> errors) {
		String said = words.message(refusal);
		String field = fieldOf.apply(refusal.messageKey());
		if (field != null) {
			errors.put(field, said);
		}
		return said;
	}

	/**
	 * A service's refusal as field → message key ({@code fieldOf} answers null for a
	 * refusal of the whole form: then no field).
	 */
	public static Map<String, String> refusalKeys(UserFacingException refusal, Function<String, String> fieldOf) {
		String field = fieldOf.apply(refusal.messageKey());
		return field == null ? Map.of() : Map.of(field, refusal.messageKey());
	}

}
