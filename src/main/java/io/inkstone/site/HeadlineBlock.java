package io.inkstone.site;

import java.util.List;

import io.inkstone.discovery.ArticleCard;

/** One headline block: 要闻 (slug null) or a channel's top articles. */
public record HeadlineBlock(String slug, String name, List<ArticleCard> items) {
}
