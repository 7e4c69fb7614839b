package io.inkstone.governance;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * {@code inkstone.review.*}: the machine checks' word list and link blocklist.
 *
 * @param dictionary the sensitive-word list, one term per line ({@code #} starts a
 * comment)
 * @param badDomains link domains that hold an article for review
 */
@ConfigurationProperties(prefix = "inkstone.review")
record ReviewProperties(@DefaultValue("classpath:review/sensitive-words.txt") Resource dictionary,
		@DefaultValue List<String> badDomains) {
}
