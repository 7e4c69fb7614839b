package io.inkstone.messages;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.inkstone.notifications.MessageMail;
import io.inkstone.notifications.NoticeKind;
import io.inkstone.shared.Cursor;
import io.inkstone.shared.Ids;
import io.inkstone.shared.NotFoundException;
import io.inkstone.web.UnreadMessages;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The message centre: delivering notices (idempotently), listing them, marking them read.
 */
@Service
public class Messages implements UnreadMessages {

	static final int PAGE_SIZE = 20;

	private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

	private final MessageRepository repository;

	private final ApplicationEventPublisher events;

	private final MessageSource texts;

	private final Clock clock;

	Messages(MessageRepository repository, ApplicationEventPublisher events, MessageSource texts, Clock clock) {
		this.clock = clock;
		this.repository = repository;
		this.events = events;
		this.texts = texts;
	}

	/**
	 * A notice for one recipient. {@code eventKey} names the event (the same on every
	 * redelivery); {@code groupKey} the message it belongs to — the event itself, or an
	 * aggregate such as today's likes of one article.
	 */
	record Notice(long recipient, NoticeKind kind, String eventKey, String groupKey, String outcome, String ref,
			String title, String actor, String note, String link) {
	}

	/**
	 * Delivers a notice once: a redelivered event changes nothing. A new message (not a
	 * further like on today's aggregate) is also handed to the notifications module for
	 * mail, which sends it if the recipient wants this kind. Runs in the listener's
	 * transaction, so message and mail request commit together.
	 */
	@Transactional
	boolean deliver(Notice notice) {
		long now = clock.millis();
		if (!repository.receive(notice.eventKey(), notice.recipient(), now)) {
			return false;
		}
		int actors = repository.upsert(Ids.next(), notice.recipient(), notice.kind().code(), notice.groupKey(),
				notice.outcome(), notice.ref(), truncate(notice.title(), 300), truncate(notice.actor(), 100),
				truncate(notice.note(), 4000), notice.link(), now);
		if (actors == 1) {
			events.publishEvent(mail(notice));
		}
		return true;
	}

	/**
	 * The mail copy of a new message: its line in each language (the message centre's
	 * words); the notifications module writes the mail around it.
	 */
	private MessageMail mail(Notice notice) {
		Message m = new Message(0, notice.kind().code(), notice.outcome(), notice.ref(), notice.title(), notice.actor(),
				1, notice.note(), notice.link(), 0, 0, true);
		return MessageMail.of(notice.recipient(), notice.kind(),
				Map.of(ZH.getLanguage(), line(m, ZH), Locale.ENGLISH.getLanguage(), line(m, Locale.ENGLISH)),
				notice.note(), notice.kind() == NoticeKind.REVIEW ? notice.ref() : null, notice.link());
	}

	/** The message's one-line text in {@code locale}. */
	String line(Message m, Locale locale) {
		String refKey = MessageTexts.refKey(m);
		String ref = refKey == null ? m.ref() : texts.getMessage(refKey, null, m.ref(), locale);
		return texts.getMessage(MessageTexts.key(m),
				MessageTexts.args(m, texts.getMessage("messages.someone", null, locale),
						texts.getMessage("messages.untitled", null, locale), ref),
				locale);
	}

	/**
	 * One page of an account's messages; those shown are marked read (they are shown as
	 * new this once).
	 */
	@Transactional
	public Page page(long accountId, String after) {
		List<Message> rows = repository.page(accountId, Cursor.parse(after), PAGE_SIZE);
		List<Message> shown = rows.size() > PAGE_SIZE ? rows.subList(0, PAGE_SIZE) : rows;
		String next = rows.size() > PAGE_SIZE
				? new Cursor(shown.get(shown.size() - 1).updatedAt(), shown.get(shown.size() - 1).id()).encode() : null;
		repository.markRead(accountId, shown.stream().filter(Message::unread).map(Message::id).toList(),
				clock.millis());
		return new Page(List.copyOf(shown), next);
	}

	/** A page of messages and the cursor of the next (null on the last). */
	public record Page(List<Message> messages, String next) {
	}

	/**
	 * Opens one of the account's messages: marks it read and returns where it points.
	 * @throws NotFoundException for a message that is not this account's (or does not
	 * exist)
	 */
	@Transactional
	public String open(long accountId, long messageId) {
		String link = repository.linkOf(accountId, messageId)
			.orElseThrow(() -> new NotFoundException("no message " + messageId));
		repository.markRead(accountId, List.of(messageId), clock.millis());
		return link;
	}

	@Transactional
	public int markAllRead(long accountId) {
		return repository.markAllRead(accountId, clock.millis());
	}

	@Override
	public long unread(long accountId, int cap) {
		return repository.unread(accountId, cap);
	}

	private static String truncate(String value, int max) {
		return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
	}

}
