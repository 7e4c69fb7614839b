package io.inkstone.syndication;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code inkstone.feeds.*}.
 *
 * @param fullText whether feed items carry the whole article body
 * ({@code content:encoded} in RSS, {@code content} in Atom) besides the summary; off by
 * default, so readers come to the site
 * @param size items per feed
 */
@ConfigurationProperties(prefix = "inkstone.feeds")
@Validated
record FeedProperties(@DefaultValue("false") boolean fullText, @DefaultValue("20") @Positive @Max(100) int size) {
}
