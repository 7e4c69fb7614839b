package io.inkstone.discovery;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code inkstone.search.*}.
 *
 * @param analyzer the Chinese analysis of the index and the suggestions: {@code hanlp}
 * (the measured winner) or {@code smartcn}
 * @param querySegmentation {@code coarse} (HanLP standard mode for queries) or
 * {@code fine} (the index's own)
 */
@ConfigurationProperties(prefix = "inkstone.search")
record SearchProperties(@DefaultValue("hanlp") String analyzer, @DefaultValue("coarse") String querySegmentation) {
}
