package io.inkstone.discovery;

import java.nio.file.Path;
import java.util.List;

import io.inkstone.articles.ChangedArticle;
import io.inkstone.shared.InkstoneProperties;
import io.inkstone.support.Databases;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LuceneSearchIndexTests {

	private static InkstoneProperties properties(Path dataDir) {
		return new InkstoneProperties(dataDir, "test", null, null, null, null, null, false, null, null, null);
	}

	private static ChangedArticle poem(long id, String title, String body, long creator, long seq) {
		return new ChangedArticle(id, title, body, creator, 1, "published", 0, seq);
	}

	@Test
	void feedPositionAndDocumentsSurviveReopening() throws Exception {
		Path dir = Databases.freshDataDir();
		LuceneSearchIndex index = new LuceneSearchIndex(properties(dir));
		index.apply(List.of(poem(1, "静夜思", "床前明月光，疑是地上霜。举头望明月，低头思故乡。", 10, 41),
				poem(2, "月下独酌", "花间一壶酒，独酌无相亲。举杯邀明月，对影成三人。", 10, 42)), 42);
		index.close();
		LuceneSearchIndex reopened = new LuceneSearchIndex(properties(dir));
		assertThat(reopened.feedPosition()).isEqualTo(42);
		assertThat(reopened.documentCount()).isEqualTo(2);
		reopened.close();
	}

	@Test
	void moreLikeThisFindsSimilarTextNeverItselfAndDropsUnpublished() throws Exception {
		LuceneSearchIndex index = new LuceneSearchIndex(properties(Databases.freshDataDir()));
		index.apply(List.of(poem(1, "静夜思", "床前明月光，疑是地上霜。举头望明月，低头思故乡。", 10, 1),
				poem(2, "月下独酌", "花间一壶酒，独酌无相亲。举杯邀明月，对影成三人。", 11, 2),
				poem(3, "把酒问月", "青天有月来几时？我今停杯一问之。人攀明月不可得，月行却与人相随。", 12, 3),
				poem(4, "说明书", "安装软件包之前请先更新系统。使用命令行工具配置网络接口。", 13, 4),
				poem(5, "网络配置", "编辑配置文件以设置网络接口和软件源。", 14, 5)), 5);
		List<Long> related = index.moreLikeThis(1, 5, 2);
		assertThat(related).doesNotContain(1L).isNotEmpty();
		assertThat(related.get(0)).isIn(2L, 3L);
		assertThat(related).doesNotContain(4L);
		index.apply(List.of(new ChangedArticle(3, "把酒问月", "", 12, 1, "removed", 0, 6)), 6);
		assertThat(index.moreLikeThis(1, 5, 2)).doesNotContain(3L);
		index.close();
	}

	@org.junit.jupiter.params.ParameterizedTest
	@org.junit.jupiter.params.provider.ValueSource(strings = { "smartcn", "hanlp" })
	void traditionalAndFullWidthFormsFindEachOtherAndHighlightTheOriginalText(String analyzer) throws Exception {
		LuceneSearchIndex index = new LuceneSearchIndex(properties(Databases.freshDataDir()), analyzer);
		index.apply(List.of(poem(1, "青玉案·元夕", "東風夜放花千樹，更吹落、星如雨。", 10, 1),
				poem(2, "Linux 手册", "使用 ＡＰＴ 安装软件包。", 11, 2), poem(3, "静夜思", "床前明月光，疑是地上霜。", 12, 3)), 3);
		SearchIndex.SearchPage simplified = index.search("东风夜放", SearchIndex.Filters.NONE, false, 0, 10);
		assertThat(simplified.hits()).extracting(SearchHit::articleId).containsExactly(1L);
		assertThat(simplified.hits().get(0).snippetHtml()).contains("<mark>東風</mark>");
		assertThat(index.search("apt", SearchIndex.Filters.NONE, false, 0, 10).hits()).extracting(SearchHit::articleId).containsExactly(2L);
		assertThat(index.search("ＡＰＴ", SearchIndex.Filters.NONE, false, 0, 10).hits()).extracting(SearchHit::articleId).containsExactly(2L);
		assertThat(index.search("牀前明月", SearchIndex.Filters.NONE, false, 0, 10).hits()).extracting(SearchHit::articleId).contains(3L);
		index.close();
	}

	@org.junit.jupiter.params.ParameterizedTest
	@org.junit.jupiter.params.provider.ValueSource(strings = { "fine", "coarse" })
	void bothQuerySegmentationsFindLongWordsAndTheirParts(String querySegmentation) throws Exception {
		LuceneSearchIndex index = new LuceneSearchIndex(properties(Databases.freshDataDir()), "hanlp", querySegmentation);
		index.apply(List.of(poem(1, "开国", "中华人民共和国成立了。", 10, 1), poem(2, "静夜思", "床前明月光，疑是地上霜。", 12, 2)), 2);
		assertThat(index.search("中华人民共和国", SearchIndex.Filters.NONE, false, 0, 10).hits()).extracting(SearchHit::articleId)
			.containsExactly(1L);
		assertThat(index.search("共和国", SearchIndex.Filters.NONE, false, 0, 10).hits()).extracting(SearchHit::articleId)
			.containsExactly(1L);
		index.close();
	}

	@Test
	void pinyinWithOrWithoutSpacesOrInitialsFindsTitlesAndAuthors() throws Exception {
		LuceneSearchIndex index = new LuceneSearchIndex(properties(Databases.freshDataDir()));
		index.apply(List.of(new ChangedArticle(1, "静夜思", "床前明月光，疑是地上霜。", 10, 1, "published", 0, 1, "李白"),
				new ChangedArticle(2, "春晓", "春眠不觉晓，处处闻啼鸟。", 11, 1, "published", 0, 2, "孟浩然"),
				new ChangedArticle(3, "Linux 手册", "jingyesi is not a word here", 12, 1, "published", 0, 3, "Debian")), 3);
		for (String query : List.of("jingyesi", "jing ye si", "JingYeSi", "jys", "libai", "li bai")) {
			assertThat(index.search(query, SearchIndex.Filters.NONE, false, 0, 10).hits()).as(query)
				.extracting(SearchHit::articleId).first().isEqualTo(1L);
		}
		assertThat(index.search("chunxiao", SearchIndex.Filters.NONE, false, 0, 10).hits()).extracting(SearchHit::articleId)
			.containsExactly(2L);
		assertThat(index.search("ye si jing xiao", SearchIndex.Filters.NONE, false, 0, 10).hits()).as("syllables of two titles")
			.isEmpty();
		assertThat(Pinyin.queryParts("静夜思")).isEmpty();
		assertThat(Pinyin.queryParts("j")).isEmpty();
		assertThat(Pinyin.queryParts("jing'ye si")).containsExactly("jing", "ye", "si");
		assertThat(Pinyin.keys("重庆")).contains("chongqing", "cq");
		index.close();
	}

	@Test
	void anUnknownQuerySegmentationIsRefusedAtStart() {
		org.assertj.core.api.Assertions.assertThatIllegalStateException()
			.isThrownBy(() -> new LuceneSearchIndex(properties(Databases.freshDataDir()), "hanlp", "medium"))
			.withMessageContaining("fine or coarse");
	}

	@Test
	void anIndexBuiltWithAnotherAnalysisIsEmptiedSoTheFeedRebuildsIt() throws Exception {
		Path dir = Databases.freshDataDir();
		LuceneSearchIndex index = new LuceneSearchIndex(properties(dir));
		index.apply(List.of(poem(1, "静夜思", "床前明月光。", 10, 7)), 7);
		index.close();
		try (var directory = org.apache.lucene.store.FSDirectory.open(dir.resolve("index"));
				var writer = new org.apache.lucene.index.IndexWriter(directory, new org.apache.lucene.index.IndexWriterConfig())) {
			writer.setLiveCommitData(java.util.Map.of("feedPosition", "7", "analysis", "older").entrySet());
			writer.commit();
		}
		LuceneSearchIndex reopened = new LuceneSearchIndex(properties(dir));
		assertThat(reopened.feedPosition()).isZero();
		assertThat(reopened.documentCount()).isZero();
		reopened.close();
	}

}
