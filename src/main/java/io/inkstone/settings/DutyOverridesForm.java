package io.inkstone.settings;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * The admin's choice for each switchable compliance duty, as posted: {@code profile} (as
 * the compliance profile says), {@code on} or {@code off}. The message of each constraint
 * is a message-bundle key.
 */
public record DutyOverridesForm(
		@NotNull(message = DutyOverridesForm.ERROR) @Pattern(regexp = DutyOverridesForm.CHOICES,
				message = DutyOverridesForm.ERROR) String preReviewNewCreators,
		@NotNull(message = DutyOverridesForm.ERROR) @Pattern(regexp = DutyOverridesForm.CHOICES,
				message = DutyOverridesForm.ERROR) String holdFlagged,
		@NotNull(message = DutyOverridesForm.ERROR) @Pattern(regexp = DutyOverridesForm.CHOICES,
				message = DutyOverridesForm.ERROR) String ipLocation,
		@NotNull(message = DutyOverridesForm.ERROR) @Pattern(regexp = DutyOverridesForm.CHOICES,
				message = DutyOverridesForm.ERROR) String orgDisclosure) {

	static final String CHOICES = "profile|on|off";

	static final String ERROR = "siteSettings.error.duty";

	/** The form field of each duty. */
	static final Map<String, String> FIELDS = Map.of("pre-review-new-creators", "preReviewNewCreators", "hold-flagged",
			"holdFlagged", "ip-location", "ipLocation", "org-disclosure", "orgDisclosure");

	/** Duty → choice. */
	Map<String, String> choices() {
		Map<String, String> choices = new LinkedHashMap<>();
		choices.put("pre-review-new-creators", preReviewNewCreators);
		choices.put("hold-flagged", holdFlagged);
		choices.put("ip-location", ipLocation);
		choices.put("org-disclosure", orgDisclosure);
		return choices;
	}

}
