-- creators module: the avatar an applicant uploads with 申请入驻 (a media URL), copied to the profile on approval.
ALTER TABLE creator_applications ADD COLUMN avatar_url VARCHAR(300);
