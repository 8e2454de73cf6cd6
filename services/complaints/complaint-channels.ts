/**
 * How users reach the prefecture (3.1: hall forms, the website's contact form, letters; DOMAIN "Complaints" adds
 * e-mail, phone and social networks). Each channel carries its default reply delay and whether an acknowledgement
 * is owed, as data: a prefecture whose charter says otherwise edits this table, not the rules.
 */
export const complaintChannels = ['email', 'letter', 'hall-form', 'website-form', 'phone', 'social-network'] as const;

/** One channel. */
export type ComplaintChannel = (typeof complaintChannels)[number];

/** What a channel implies for the reply. */
export interface ChannelRule {
  /** Name in each language, as forms and lists show it. */
  label: { fr: string; en: string };
  /** Working days to reply, counted from the day of receipt (excluded): E.17. */
  replyWithinWorkingDays: number;
  /** An acknowledgement of receipt is owed and tracked (17.3: "systématique" for e-mails). */
  acknowledgement: boolean;
  /** Where the rule comes from, shown on the complaint card ("E.17 / 17.2"). */
  source: { fr: string; en: string };
}

/**
 * The defaults. E-mail 5 and letter 10 working days are E.17 (17.1, 17.2). The others are this project's choices,
 * documented here: a hall form is a paper form, answered by letter → 10; the website's contact form arrives as an
 * e-mail and is answered as one → 5 with an acknowledgement (17.3 covers "toute sollicitation … par courriel");
 * a phone message or a social-network message waits for a written or call-back answer → 5 (the shortest written
 * commitment), with no acknowledgement (the call or the platform already shows receipt).
 */
export const channelRules: Readonly<Record<ComplaintChannel, ChannelRule>> = {
  email: { label: { fr: 'Courriel', en: 'E-mail' }, replyWithinWorkingDays: 5, acknowledgement: true, source: { fr: 'E.17 / 17.2, 17.3', en: 'E.17 / 17.2, 17.3' } },
  letter: { label: { fr: 'Courrier', en: 'Letter' }, replyWithinWorkingDays: 10, acknowledgement: false, source: { fr: 'E.17 / 17.1', en: 'E.17 / 17.1' } },
  'hall-form': { label: { fr: 'Fiche du hall', en: 'Hall form' }, replyWithinWorkingDays: 10, acknowledgement: false, source: { fr: '3.1, comme un courrier', en: '3.1, as a letter' } },
  'website-form': { label: { fr: 'Formulaire du site', en: 'Website form' }, replyWithinWorkingDays: 5, acknowledgement: true, source: { fr: '3.1, comme un courriel', en: '3.1, as an e-mail' } },
  phone: { label: { fr: 'Téléphone', en: 'Phone' }, replyWithinWorkingDays: 5, acknowledgement: false, source: { fr: 'délai local', en: 'local delay' } },
  'social-network': { label: { fr: 'Réseau social', en: 'Social network' }, replyWithinWorkingDays: 5, acknowledgement: false, source: { fr: 'délai local', en: 'local delay' } },
};

/** The kinds of request the label counts together (3.1; 2020 report "questions et réclamations"). */
export const complaintKinds = ['complaint', 'suggestion', 'information-request'] as const;

/** One kind. */
export type ComplaintKind = (typeof complaintKinds)[number];

/** French and English names of each kind. */
export const complaintKindLabels: Readonly<Record<ComplaintKind, { fr: string; en: string }>> = {
  complaint: { fr: 'Réclamation', en: 'Complaint' },
  suggestion: { fr: 'Suggestion', en: 'Suggestion' },
  'information-request': { fr: 'Demande d’information', en: 'Information request' },
};

/**
 * Why a request falls outside the Qual-e-pref scope (2020 report: the scope excludes contentious appeals,
 * interventions of an elected official, and questions on a file in progress). They are still tracked and answered
 * within the same delays ("le service a malgré tout répondu … dans le respect des délais"), but the label's
 * indicators leave them out.
 */
export const outOfScopeReasons = ['contentious-appeal', 'elected-official', 'file-in-progress'] as const;

/** One reason. */
export type OutOfScopeReason = (typeof outOfScopeReasons)[number];

/** French and English names of each reason. */
export const outOfScopeLabels: Readonly<Record<OutOfScopeReason, { fr: string; en: string }>> = {
  'contentious-appeal': { fr: 'Recours contentieux', en: 'Contentious appeal' },
  'elected-official': { fr: 'Intervention d’un élu', en: 'Intervention of an elected official' },
  'file-in-progress': { fr: 'Question sur un dossier en cours', en: 'Question on a file in progress' },
};
