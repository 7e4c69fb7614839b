package io.inkstone.discovery;

import java.time.Duration;

import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code inkstone.related.*}: how related articles weigh freshness against similarity
 * (see {@link RelatedFusion}).
 *
 * @param freshnessWeight share of the score that freshness decides
 * @param freshnessHalfLife age at which an article's freshness has halved
 */
@ConfigurationProperties(prefix = "inkstone.related")
@Validated
record RelatedProperties(@DefaultValue("0.2") @PositiveOrZero double freshnessWeight,
		@DefaultValue("30d") Duration freshnessHalfLife) {
}
