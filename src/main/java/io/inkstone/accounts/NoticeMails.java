package io.inkstone.accounts;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Every mail the platform sends: notices from other modules ({@link AccountNotice}, {@link MailNotice},
 * {@link ApplicationDecided}) and this module's own links (verification, password reset). Each is stored with
 * the deciding transaction (the event publication registry) and sent after it commits, asynchronously and
 * outside any transaction; a failed send throws, so the delivery is retried until the SMTP server takes it
 * (see {@code io.inkstone.events}). A rolled-back decision sends nothing. The listener ids are fixed so that
 * stored deliveries survive renaming these methods.
 */
@Component
class NoticeMails {

	private final AccountRepository accounts;

	private final Mailer mailer;

	NoticeMails(AccountRepository accounts, Mailer mailer) {
		this.accounts = accounts;
		this.mailer = mailer;
	}

	@ApplicationModuleListener(id = "accounts.mail-notice", propagation = Propagation.NOT_SUPPORTED)
	void on(MailNotice notice) {
		mailer.send(notice.to(), notice.subject(), notice.text());
	}

	@ApplicationModuleListener(id = "accounts.account-notice", propagation = Propagation.NOT_SUPPORTED)
	void on(AccountNotice notice) {
		accounts.findById(notice.accountId()).ifPresent(account -> mailer.send(account.email(), notice.subject(),
				"你好，" + account.displayName() + "：\n\n" + notice.text()));
	}

	@ApplicationModuleListener(id = "accounts.application-decided", propagation = Propagation.NOT_SUPPORTED)
	void on(ApplicationDecided decided) {
		accounts.findById(decided.accountId()).ifPresent(account -> mailer.send(account.email(),
				decided.approved() ? "你的入驻申请已通过 / Your creator application was approved"
						: "你的入驻申请未通过 / Your creator application was not approved",
				decided.approved() ? "你好，" + account.displayName() + "：\n\n你的入驻申请已通过。请重新登录后进入创作中心（/studio）。"
						: "你好，" + account.displayName() + "：\n\n你的入驻申请未通过。理由：" + decided.reason()
								+ "\n\n你可以修改后再次申请（最多 3 次）。"));
	}

}
