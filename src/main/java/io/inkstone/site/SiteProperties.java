package io.inkstone.site;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The reader site's own settings at the top of {@code inkstone.*}.
 *
 * @param siteLogo the site logo (a path on the site or an http(s) URL): JSON-LD
 * {@code publisher.logo} and the share image of an article without images
 */
@ConfigurationProperties(prefix = "inkstone")
record SiteProperties(@DefaultValue("/img/logo.png") String siteLogo) {
}
