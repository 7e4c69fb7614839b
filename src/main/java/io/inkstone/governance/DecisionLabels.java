package io.inkstone.governance;

/** Chinese labels of decisions for stored and mailed texts. */
final class DecisionLabels {

	private DecisionLabels() {
	}

	static String zh(Decision d) {
		return switch (d) {
			case NO_ACTION -> "不予处理";
			case HIDE_COMMENT -> "隐藏评论";
			case TAKE_DOWN -> "下架文章";
			case RESTRICT_CREATOR -> "暂停发布权限 7 天";
		};
	}

}
