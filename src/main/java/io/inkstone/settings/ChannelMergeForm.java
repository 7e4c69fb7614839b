package io.inkstone.settings;

import jakarta.validation.constraints.NotNull;

/**
 * Merge channel {@code mergeFrom} into channel {@code mergeInto}; {@code confirm} is set
 * by the confirmation step, so the first post only asks. Whether the channels exist and
 * may be merged is checked by {@link ConsoleSettings}.
 */
public record ChannelMergeForm(@NotNull(message = "siteSettings.error.mergeFrom") Long mergeFrom,
		@NotNull(message = "siteSettings.error.mergeInto") Long mergeInto, Boolean confirm) {

	boolean confirmed() {
		return Boolean.TRUE.equals(confirm);
	}

}
