package io.inkstone.messages;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import io.inkstone.accounts.AccountDeleted;
import io.inkstone.accounts.Accounts;
import io.inkstone.accounts.ApplicationDecided;
import io.inkstone.notifications.NoticeKind;
import io.inkstone.articles.Article;
import io.inkstone.articles.Articles;
import io.inkstone.creators.CreatorFollowed;
import io.inkstone.creators.Creators;
import io.inkstone.engagement.ArticleLiked;
import io.inkstone.engagement.CommentLiked;
import io.inkstone.engagement.CommentReplied;
import io.inkstone.governance.AppealDecided;
import io.inkstone.governance.ArticleReviewed;
import io.inkstone.governance.ModerationDecided;
import io.inkstone.shared.PlatformDays;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns the other modules' domain events into messages. Each listener runs after the
 * publisher's transaction commits, in its own; its delivery is stored until it succeeds
 * and retried after a failure or a restart. The listener ids are fixed so that stored
 * deliveries survive renaming these methods. Every notice carries a key derived from its
 * event, so a redelivery is recognised and creates nothing.
 */
@Component
class MessageListeners {

	private static final Pattern ACCOUNT_READER = Pattern.compile("u[0-9a-f]{1,16}");

	private final Messages messages;

	private final MessageRepository repository;

	private final Articles articles;

	private final Creators creators;

	private final Accounts accounts;

	MessageListeners(Messages messages, MessageRepository repository, Articles articles, Creators creators,
			Accounts accounts) {
		this.messages = messages;
		this.repository = repository;
		this.articles = articles;
		this.creators = creators;
		this.accounts = accounts;
	}

	@ApplicationModuleListener(id = "messages.comment-replied")
	void on(CommentReplied replied) {
		messages.deliver(new Messages.Notice(replied.parentAuthorId(), NoticeKind.REPLY, "reply:" + replied.replyId(),
				"reply:" + replied.replyId(), null, null, title(replied.articleId()), replied.replierName(),
				replied.excerpt(), "/articles/" + replied.articleId() + "#comment-" + replied.replyId()));
	}

	@ApplicationModuleListener(id = "messages.comment-liked")
	void on(CommentLiked liked) {
		messages.deliver(new Messages.Notice(liked.authorId(), NoticeKind.LIKE,
				"like:comment:" + liked.commentId() + ":u" + Long.toHexString(liked.likerId()),
				"like:comment:" + liked.commentId() + ":" + PlatformDays.of(liked.at()), "comment", null,
				title(liked.articleId()), name(liked.likerId()), null,
				"/articles/" + liked.articleId() + "#comment-" + liked.commentId()));
	}

	@ApplicationModuleListener(id = "messages.article-liked")
	void on(ArticleLiked liked) {
		Optional<Article> article = articles.find(liked.articleId());
		Optional<Long> owner = article.flatMap(a -> creators.accountOf(a.creatorId()));
		Long liker = accountOf(liked.readerKey());
		if (owner.isEmpty() || owner.get().equals(liker)) {
			return;
		}
		messages.deliver(new Messages.Notice(owner.get(), NoticeKind.LIKE,
				"like:article:" + liked.articleId() + ":" + liked.readerKey(),
				"like:article:" + liked.articleId() + ":" + PlatformDays.of(liked.at()), "article", null,
				article.get().title(), liker == null ? null : name(liker), null, "/articles/" + liked.articleId()));
	}

	@ApplicationModuleListener(id = "messages.creator-followed")
	void on(CreatorFollowed followed) {
		Optional<Long> owner = creators.accountOf(followed.creatorId());
		Long follower = accountOf(followed.readerKey());
		if (owner.isEmpty() || owner.get().equals(follower)) {
			return;
		}
		messages.deliver(new Messages.Notice(owner.get(), NoticeKind.FOLLOW,
				"follow:" + followed.creatorId() + ":" + followed.readerKey() + ":" + PlatformDays.of(followed.at()),
				"follow:" + followed.creatorId() + ":" + PlatformDays.of(followed.at()), null, null, null,
				follower == null ? null : name(follower), null,
				"/creators/" + creators.get(followed.creatorId()).handle()));
	}

	@ApplicationModuleListener(id = "messages.application-decided")
	void on(ApplicationDecided decided) {
		String key = "application:" + (decided.applicationId() != 0 ? Long.toString(decided.applicationId())
				: decided.approved() + ":" + String.valueOf(decided.reason()).hashCode());
		messages.deliver(new Messages.Notice(decided.accountId(), NoticeKind.APPLICATION, key, key,
				decided.approved() ? "approved" : "rejected", null, null, null, decided.reason(),
				decided.approved() ? "/studio" : "/join"));
	}

	@ApplicationModuleListener(id = "messages.article-reviewed")
	void on(ArticleReviewed reviewed) {
		String key = "review:" + reviewed.decisionId();
		String link = switch (reviewed.outcome()) {
			case "approved" -> "/articles/" + reviewed.articleId();
			case "changes" -> "/studio/articles/" + reviewed.articleId();
			default -> "/studio/credit";
		};
		messages.deliver(new Messages.Notice(reviewed.accountId(), NoticeKind.REVIEW, key, key, reviewed.outcome(),
				reviewed.reasonCode(), reviewed.title(), null, reviewed.note(), link));
	}

	@ApplicationModuleListener(id = "messages.moderation-decided")
	void on(ModerationDecided decided) {
		String key = "moderation:" + decided.reportId();
		messages.deliver(new Messages.Notice(decided.accountId(), NoticeKind.MODERATION, key, key, decided.decision(),
				decided.ref(), decided.title(), null, decided.statementOfReasons(), decided.appealPath()));
	}

	@ApplicationModuleListener(id = "messages.appeal-decided")
	void on(AppealDecided decided) {
		String key = "appeal:" + decided.source() + ":" + decided.caseId();
		messages.deliver(new Messages.Notice(decided.accountId(), NoticeKind.APPEAL, key, key,
				decided.reversed() ? "reversed" : "upheld", decided.ref(), decided.title(), null, decided.note(),
				"report".equals(decided.source()) ? "/appeals/" + decided.caseId() : "/studio/credit"));
	}

	/** 注销: the account's messages go with it. */
	@ApplicationModuleListener(id = "messages.account-deleted")
	void on(AccountDeleted deleted) {
		repository.deleteAll(deleted.accountId());
	}

	private String title(long articleId) {
		return articles.find(articleId).map(Article::title).orElse(null);
	}

	private String name(long accountId) {
		return accounts.displayNames(List.of(accountId)).get(accountId);
	}

	/**
	 * The account behind a reader key of a signed-in reader; null for a reader without
	 * one.
	 */
	private static Long accountOf(String readerKey) {
		if (readerKey == null || !ACCOUNT_READER.matcher(readerKey).matches()) {
			return null;
		}
		return Long.parseUnsignedLong(readerKey.substring(1), 16);
	}

}
