package io.inkstone.discovery;

import java.util.Iterator;
import java.util.List;
import java.util.Set;

import io.inkstone.support.Databases;

import org.apache.lucene.search.suggest.InputIterator;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SpellingTests {

	/** Creator names then titles, with the payloads the suggester's own entries carry. */
	private static InputIterator entries(List<String> creators, List<String> titles) {
		Iterator<String> names = creators.iterator();
		Iterator<String> rest = titles.iterator();
		return new InputIterator() {

			private boolean creator;

			@Override
			public BytesRef next() {
				if (names.hasNext()) {
					creator = true;
					return new BytesRef(names.next());
				}
				creator = false;
				return rest.hasNext() ? new BytesRef(rest.next()) : null;
			}

			@Override
			public long weight() {
				return 1;
			}

			@Override
			public BytesRef payload() {
				return new BytesRef(creator ? "creator" : "title");
			}

			@Override
			public boolean hasPayloads() {
				return true;
			}

			@Override
			public Set<BytesRef> contexts() {
				return null;
			}

			@Override
			public boolean hasContexts() {
				return false;
			}
		};
	}

	private static Spelling spelling() throws Exception {
		return Spelling.build(Databases.freshDataDir().resolve("spell"), entries(List.of("李白", "辛弃疾"),
				List.of("静夜思", "静夜", "沁园春・雪", "沁园春・长沙", "沁园春・带湖新居将成", "双调・湘妃怨", "春晓", "将进酒")));
	}

	@Test
	void aCharacterTypoGetsTheTitleMeant() throws Exception {
		try (Spelling spelling = spelling()) {
			assertThat(spelling.didYouMean("静夜丝", 5)).first().isEqualTo("静夜思");
			assertThat(spelling.didYouMean("湘妃院", 5)).first().isEqualTo("湘妃怨");
			assertThat(spelling.didYouMean("將進酒", 5)).as("traditional form of the title itself").isEmpty();
			assertThat(spelling.didYouMean("静夜思", 5)).as("the query is a title").isEmpty();
			assertThat(spelling.didYouMean("完全无关的词", 5)).isEmpty();
		}
	}

	@Test
	void pinyinWithATypoGetsTheTitleMeantAndPinyinPrefixesSuggestTitles() throws Exception {
		try (Spelling spelling = spelling()) {
			assertThat(spelling.didYouMean("qinyuanchn", 5)).first().isEqualTo("沁园春");
			assertThat(spelling.didYouMean("jingyesi", 5)).first().isEqualTo("静夜思");
			assertThat(spelling.didYouMean("xinqiji", 5)).first().isEqualTo("辛弃疾");
			assertThat(spelling.pinyinPrefix("qinyuan", 5)).first().isEqualTo("沁园春");
			assertThat(spelling.pinyinPrefix("jingye", 5)).contains("静夜思", "静夜");
			assertThat(spelling.kind("辛弃疾")).isEqualTo("creator");
			assertThat(spelling.pinyinPrefix("静夜", 5)).isEmpty();
		}
	}

	@Test
	void aNewlyPublishedTitleIsSuggestibleAtOnce() throws Exception {
		try (Spelling spelling = spelling()) {
			assertThat(spelling.didYouMean("登鹳雀搂", 5)).isEmpty();
			spelling.add("登鹳雀楼", false);
			spelling.add("王之涣", true);
			assertThat(spelling.didYouMean("登鹳雀搂", 5)).first().isEqualTo("登鹳雀楼");
			assertThat(spelling.didYouMean("dengguanquelo", 5)).first().isEqualTo("登鹳雀楼");
			assertThat(spelling.kind("王之涣")).isEqualTo("creator");
		}
	}

	@Test
	void aCreatorsNameWithOneCharacterWrongGetsTheName() throws Exception {
		try (Spelling spelling = Spelling.build(Databases.freshDataDir().resolve("spell"),
				entries(List.of("李白", "李纲", "李涉", "曹操", "欧阳修", "辛弃疾"), List.of("静夜思", "将进酒", "白云")))) {
			// two characters: a homophone (the input method's slip), or the one name a
			// character away
			assertThat(spelling.didYouMean("李百", 5)).containsExactly("李白");
			assertThat(spelling.didYouMean("曹橾", 5)).containsExactly("曹操");
			assertThat(spelling.didYouMean("李自", 5)).as("any of three names: no guess").isEmpty();
			assertThat(spelling.didYouMean("李白", 5)).as("the name itself").isEmpty();
			assertThat(spelling.didYouMean("白雲", 5)).as("a title, traditional").isEmpty();
			// three characters: the name first
			assertThat(spelling.didYouMean("欧阳秀", 5)).first().isEqualTo("欧阳修");
			assertThat(spelling.didYouMean("辛弃急", 5)).first().isEqualTo("辛弃疾");
			// a name added since the build
			assertThat(spelling.didYouMean("王之焕", 5)).isEmpty();
			spelling.add("王之涣", true);
			assertThat(spelling.didYouMean("王之焕", 5)).first().isEqualTo("王之涣");
			assertThat(spelling.didYouMean("王子涣", 5)).first().isEqualTo("王之涣");
			// what is not a name is no name
			for (String hostile : List.of("", "！！", "<b>李百</b>", "李百".repeat(40), "李", "?*~\\", "😀😀")) {
				assertThat(spelling.namesMeant(hostile)).as(hostile).isEmpty();
			}
		}
	}

	@Test
	void entriesAreWholeTitlesAndTheirParts() {
		assertThat(Spelling.keys("沁园春・雪")).containsExactly("沁园春・雪", "沁园春");
		assertThat(Spelling.keys("题吕节夫园亭十一首 藤洞")).containsExactly("题吕节夫园亭十一首 藤洞", "题吕节夫园亭十一首", "藤洞");
		assertThat(Spelling.pinyinOf("沁园春")).isEqualTo("qinyuanchun");
	}

}
