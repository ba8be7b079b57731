import type { TrainingExample } from '../src/data/training-example';

// In-domain demo corpus: customer-support questions and answers for Brightbox, a made-up cloud storage
// service, written for this project. Fine-tuning the general-English base on it should make held-out
// support answers markedly more likely; the held-out split is fixed (every fifth pair) so that figures are
// comparable from run to run.

/** [question, answer] pairs. */
export const SUPPORT_QA: readonly (readonly [question: string, answer: string])[] = [
  [
    'How do I reset my password?',
    'Open the Brightbox sign-in page and choose Forgot password. Enter the email address on your account and we will send you a reset link. The link works for one hour. If the email does not arrive, check your spam folder or contact support.',
  ],
  [
    'I forgot my password and the reset email never arrived.',
    'Please check your spam and promotions folders first, and make sure you typed the email address on your account. Reset emails can take up to ten minutes. If it still has not arrived, reply to this message and we will send a new link by hand.',
  ],
  [
    'How do I change the email address on my account?',
    'Go to Settings, then Account, and choose Change email. Enter the new address and your current password. We will send a confirmation link to the new address, and the change takes effect once you open it.',
  ],
  [
    'How do I turn on two-step verification?',
    'Go to Settings, then Security, and choose Two-step verification. Scan the code with an authenticator app and enter the six-digit code it shows. Save your backup codes in a safe place, because you will need them if you lose your phone.',
  ],
  [
    'I lost my phone and cannot sign in with two-step verification.',
    'Sign in with one of the backup codes you saved when you turned on two-step verification. If you do not have a backup code, contact support from the email address on your account and we will verify your identity before we turn it off.',
  ],
  [
    'My account is locked. What should I do?',
    'Accounts are locked for thirty minutes after too many failed sign-in attempts. Please wait and then try again, or reset your password to unlock the account right away. If you did not make those attempts, change your password and turn on two-step verification.',
  ],
  [
    'I got an email about a sign-in I did not make.',
    'Please change your password right away and turn on two-step verification. Then go to Settings, then Security, and choose Sign out of all devices. If you see files or changes you did not make, contact support and we will help you review the activity.',
  ],
  [
    'How do I cancel my subscription?',
    'Go to Settings, then Billing, and choose Cancel plan. Your plan stays active until the end of the current billing period, and your files remain available. After that the account moves to the free plan with 5 GB of storage.',
  ],
  [
    'Can I get a refund?',
    'Yes. If you cancel within 14 days of a new charge, we refund the full amount. Go to Settings, then Billing, choose the charge, and select Request refund. Refunds reach your card within five to ten business days.',
  ],
  [
    'I was charged twice this month.',
    'Sorry about that. A double charge usually happens when a payment is retried after a bank timeout. Please send us the last four digits of the card and the dates of both charges, and we will refund the duplicate within two business days.',
  ],
  [
    'My payment failed. Will I lose my files?',
    'No, your files are safe. When a payment fails we try again three times over seven days and send you an email each time. You can update your card in Settings, then Billing, and we will retry the payment straight away.',
  ],
  [
    'How do I update my credit card?',
    'Go to Settings, then Billing, and choose Payment method. Enter the new card details and select Save. The new card will be used for your next charge, and any failed payment will be retried automatically.',
  ],
  [
    'Which payment methods do you accept?',
    'We accept Visa, Mastercard, and American Express, as well as PayPal. Business plans can also pay by bank transfer with an annual invoice. We do not accept cheques or cash.',
  ],
  [
    'Where can I download my invoices?',
    'Go to Settings, then Billing, and open Invoices. Each invoice can be downloaded as a PDF. If you need your company name or tax number on the invoice, add them under Billing details before you download it.',
  ],
  [
    'How do I upgrade to a bigger plan?',
    'Go to Settings, then Billing, and choose Change plan. Pick the plan you want and confirm. You only pay the difference for the rest of the current billing period, and the extra storage is available immediately.',
  ],
  [
    'What is the difference between the Plus and Pro plans?',
    'Plus gives you 200 GB of storage and version history for 30 days. Pro gives you 2 TB, version history for 180 days, and password-protected share links. Both plans include the desktop and mobile apps and priority email support.',
  ],
  [
    'Do you offer a student discount?',
    'Yes. Students get 50 percent off the Plus plan for up to four years. Sign up with your school email address and choose Student discount on the billing page. We may ask you to confirm your enrolment once a year.',
  ],
  [
    'Is there a family plan?',
    'Yes. The Family plan includes 2 TB of storage shared by up to six people. Each member has a private space, and the plan owner manages billing. To invite someone, go to Settings, then Family, and enter their email address.',
  ],
  [
    'How much storage does the free plan include?',
    'The free plan includes 5 GB of storage, the web app, and the mobile apps. Files in the free plan keep version history for 7 days. You can upgrade at any time without losing any files.',
  ],
  [
    'My storage is full. What can I do?',
    'You can free up space by emptying the trash, deleting large files you no longer need, or removing old versions. Go to Settings, then Storage, to see which folders use the most space. You can also upgrade to a plan with more storage.',
  ],
  [
    'How do I recover a deleted file?',
    'Open the Trash from the left menu, select the file, and choose Restore. Deleted files stay in the trash for 30 days on paid plans and 7 days on the free plan. After that they are removed for good.',
  ],
  [
    'How do I restore an older version of a file?',
    'Right-click the file and choose Version history. You will see every saved version with its date and size. Select the version you want and choose Restore. The current version is kept as well, so you can always switch back.',
  ],
  [
    'My files are not syncing on my computer.',
    'First check that the Brightbox desktop app is running and that you are signed in. Then open the app and look for a paused or error message. Pausing and resuming sync fixes most problems. If a single file will not sync, check that its name does not contain characters such as a colon or a question mark.',
  ],
  [
    'Sync is very slow. How can I speed it up?',
    'Large uploads share your connection with everything else, so sync can slow down while you stream or join video calls. In the desktop app, open Preferences, then Network, and make sure the upload limit is set to No limit. Syncing many small files is slower than one large file of the same size.',
  ],
  [
    'What is the largest file I can upload?',
    'You can upload files up to 50 GB with the desktop app and up to 10 GB through the web app. Very large files upload faster with the desktop app, because it can resume after a dropped connection.',
  ],
  [
    'How do I install the desktop app?',
    'Download the installer from the Brightbox website and open it. Follow the steps, then sign in with your Brightbox account. Choose where the Brightbox folder should live on your computer, and your files will start to sync.',
  ],
  [
    'Do you have an app for Linux?',
    'Yes. We offer a desktop app for Ubuntu and Fedora, and a command line tool for other distributions. You can find both on the downloads page. The Linux app supports sync, selective sync, and share links.',
  ],
  [
    'Can I choose which folders sync to my laptop?',
    'Yes. Open the desktop app, go to Preferences, then Selective sync, and untick the folders you do not want on this computer. They stay in your Brightbox account and on your other devices, but they no longer take up space on the laptop.',
  ],
  [
    'Can I use Brightbox offline?',
    'Yes. Files in your Brightbox folder on the computer are always available offline. On the mobile app, open a file and choose Make available offline. Any changes you make offline are synced the next time you connect.',
  ],
  [
    'How do I back up photos from my phone?',
    'Open the Brightbox mobile app, go to Settings, and turn on Camera upload. New photos and videos will be uploaded automatically. You can choose to upload only on Wi-Fi to save mobile data.',
  ],
  [
    'Camera upload stopped working on my phone.',
    'Please make sure the app has permission to access your photos and to run in the background. On many phones, battery saving mode stops background uploads. Open the app once, keep it open for a few minutes, and the upload should continue.',
  ],
  [
    'How do I share a folder with a colleague?',
    "Right-click the folder and choose Share. Enter your colleague's email address and choose whether they can view or edit. They will receive an email invitation, and the folder will appear in their Brightbox once they accept.",
  ],
  [
    'How do I create a share link?',
    'Right-click the file or folder and choose Copy link. Anyone with the link can view the file without signing in. On the Pro plan you can also set a password and an expiry date for the link.',
  ],
  [
    'Can I set an expiry date on a share link?',
    'Yes, on the Pro and Business plans. Right-click the file, choose Share, then Link settings, and pick an expiry date. After that date the link stops working, and you can create a new one at any time.',
  ],
  [
    'How do I stop sharing a file?',
    'Right-click the file and choose Share. To remove a person, select the menu next to their name and choose Remove. To disable a link, open Link settings and choose Delete link. The change takes effect immediately.',
  ],
  [
    'Someone shared a folder with me but I cannot see it.',
    'Please check your email for the invitation and choose Accept. Shared folders appear under Shared in the left menu. If you signed up with a different email address than the one the invitation was sent to, ask the owner to invite that address instead.',
  ],
  [
    'What is the difference between view and edit access?',
    'People with view access can open and download files but cannot change them. People with edit access can also add, rename, move, and delete files in the shared folder. Only the owner can change who has access.',
  ],
  [
    'How do I transfer ownership of a folder?',
    "Open the folder's sharing settings, find the person who should become the owner, and choose Make owner. They must already have edit access. Storage used by the folder then counts toward the new owner's plan.",
  ],
  [
    'How do I delete my account?',
    'Go to Settings, then Account, and choose Delete account. We will ask you to confirm your password. Your files are deleted after 30 days, and you can cancel the deletion during that time by signing in again.',
  ],
  [
    'How do I export all my data?',
    'Go to Settings, then Privacy, and choose Export data. We will prepare a download with all your files and account information and email you a link within 48 hours. The link stays valid for seven days.',
  ],
  [
    'Are my files encrypted?',
    'Yes. Your files are encrypted while they travel between your device and our servers, and they are stored encrypted at rest. On the Business plan you can also manage your own encryption keys.',
  ],
  [
    'Where are my files stored?',
    'Files are stored in data centres in the European Union by default. Business customers can choose storage in the United States or the United Kingdom instead. We keep copies in at least two locations to protect against hardware failure.',
  ],
  [
    'Is Brightbox down right now?',
    'You can check the current status of all Brightbox services on our status page. If there is an incident, we post updates there every 30 minutes until it is resolved. If everything shows as working but you still have trouble, please contact support.',
  ],
  [
    'How do I contact support?',
    'You can reach us from the Help menu in any Brightbox app or by email. Free plan users get replies within two business days. Paid plans get priority support with replies within one business day, and Business plans can also call us.',
  ],
  [
    'Do you offer phone support?',
    'Phone support is available on the Business plan from Monday to Friday, nine to six. Other plans can contact us by email or chat from the Help menu, and we usually reply within one business day.',
  ],
  [
    'How do I add people to my Business team?',
    'Admins can go to the Admin console, then Members, and choose Invite. Enter one email address per line. Each new member uses one licence, and the charge is added to your next invoice.',
  ],
  [
    'Can we sign in with our company account?',
    'Yes. The Business plan supports single sign-on with any SAML provider. An admin can set it up under Admin console, then Security. After that, team members sign in with their company account.',
  ],
  [
    'How do I remove a member from my team?',
    'In the Admin console, open Members, select the person, and choose Remove. You can transfer their files to another member before you remove them. The licence becomes available again straight away.',
  ],
  [
    'How do I change the language of the app?',
    'Go to Settings, then Preferences, and choose Language. Brightbox is available in twelve languages. The change applies to the web app immediately and to the desktop and mobile apps after a restart.',
  ],
  [
    'How do I turn off email notifications?',
    'Go to Settings, then Notifications, and untick the emails you do not want. Security emails, such as new sign-in alerts, cannot be turned off, because they protect your account.',
  ],
  [
    'Can I use Brightbox with other apps?',
    'Yes. Brightbox connects with many office and photo apps, and developers can use our API. Go to Settings, then Connected apps, to see and manage the apps that have access to your account.',
  ],
  [
    'How do I get an API key?',
    'Sign in to the developer portal with your Brightbox account and create a new app. You will receive a client ID and a secret. Keep the secret private, and never put it in code that runs in a browser.',
  ],
  [
    'Why was my file flagged and blocked?',
    'We block files that contain known malware or that break our terms of service. If you think a file was blocked by mistake, reply to the email you received and our team will review it within two business days.',
  ],
  [
    'I cannot open a file in the web app.',
    'The web app can preview most documents, images, and videos. Some file types can only be downloaded, not previewed. Try downloading the file and opening it on your computer. If the download also fails, please send us the file name and the time you tried.',
  ],
  [
    'Can I edit documents directly in Brightbox?',
    "Yes. You can open text files, spreadsheets, and presentations in the web app and edit them in your browser. Changes are saved automatically, and every save is kept in the file's version history.",
  ],
  [
    'How do I move files between folders?',
    'Drag the files onto the folder in the left menu, or select them, choose Move, and pick the destination. Moving files keeps their sharing settings and version history. Moving a file into a shared folder makes it visible to everyone in that folder.',
  ],
  [
    'How do I find a file I cannot remember the name of?',
    'Use the search bar at the top and type any word you remember from the file or its contents. You can filter results by file type, date, and folder. Search also finds text inside PDFs and photos of documents.',
  ],
  [
    'How do I rename a file?',
    'Right-click the file and choose Rename, or select it and press F2 in the desktop app. Type the new name and press Enter. The file keeps its version history and sharing settings.',
  ],
  [
    'My desktop app says my disk is full.',
    'The desktop app keeps a copy of every synced file on your computer. To save space, use Selective sync to remove folders you do not need locally, or turn on Files on demand, which downloads a file only when you open it.',
  ],
  [
    'What does Files on demand do?',
    'Files on demand shows all your Brightbox files on your computer without downloading them. A file is downloaded only when you open it, and you can free up space again by right-clicking it and choosing Online only.',
  ],
  [
    'Can I recover files after my plan was downgraded?',
    'Yes. If you use more than 5 GB after moving to the free plan, your files stay safe, but new files will not sync until you free up space or upgrade. Nothing is deleted because of a downgrade.',
  ],
  [
    'How do I sign out on a shared computer?',
    'Open the Brightbox app or website, select your name in the top corner, and choose Sign out. If you forgot to sign out somewhere, go to Settings, then Security, and choose Sign out of all devices.',
  ],
  [
    'Why do I see conflicted copy files?',
    'A conflicted copy is created when the same file is changed on two devices before they could sync. We keep both versions so that no work is lost. Open both files, keep the changes you want, and delete the copy.',
  ],
  [
    'Do you offer a discount for nonprofits?',
    'Yes. Registered nonprofits get 40 percent off the Business plan. Please email support with proof of your nonprofit status and the number of licences you need, and we will apply the discount to your account.',
  ],
  [
    'How do I change my billing from monthly to yearly?',
    'Go to Settings, then Billing, and choose Change billing period. Yearly billing costs the same as ten months. We credit any unused days of your monthly plan toward the first yearly charge.',
  ],
  [
    'Can I pause my subscription?',
    'We do not offer a pause at the moment. You can move to the free plan and upgrade again later; your files are kept as long as they fit in the free storage or until you upgrade.',
  ],
  [
    'How do I add a tax number to my invoices?',
    'Go to Settings, then Billing, and open Billing details. Enter your company name and tax number and select Save. New invoices will include them. To update past invoices, contact support with the invoice numbers.',
  ],
  [
    'What happens to shared folders when I delete my account?',
    'Folders you own are deleted with your account, so people you shared them with lose access. Folders other people own stay with them. Before deleting your account, transfer ownership of any folders your colleagues still need.',
  ],
  [
    'How long do you keep deleted files?',
    'Deleted files stay in the trash for 30 days on paid plans and 7 days on the free plan. Business admins can extend this to 180 days. After that period the files are removed permanently and cannot be recovered.',
  ],
];

/**
 * Answers a support agent must not give: unhelpful, dismissive or wrong. Paired with the real answers they
 * make the DPO demo's preference pairs.
 */
export const UNHELPFUL_ANSWERS: readonly string[] = [
  'I do not know. Please search the internet for an answer.',
  'That is not something we can help with.',
  'Just try again later and it will probably work.',
  'Read the manual.',
  'This is not our problem. Contact your bank or your internet provider.',
  'Reinstall everything and hope for the best.',
  'You should have read the terms of service before signing up.',
  'We cannot do anything about that, sorry.',
];

/** The prompt format of the demo: the model answers after `Answer:`. */
export function supportPrompt(question: string): string {
  return `Question: ${question}\nAnswer:`;
}

/** The demo corpus as training examples, with a fixed held-out split. */
export interface SupportDemoCorpus {
  /** Prompt-completion pairs to fine-tune on (four of every five). */
  readonly train: TrainingExample[];
  /** Prompt-completion pairs never trained on (every fifth), for held-out perplexity. */
  readonly heldOut: TrainingExample[];
  /** Preference pairs (real answer chosen over an unhelpful one) for the train questions. */
  readonly preferences: TrainingExample[];
  /** Preference pairs for the held-out questions. */
  readonly heldOutPreferences: TrainingExample[];
}

export function supportDemoCorpus(): SupportDemoCorpus {
  const corpus: SupportDemoCorpus = { train: [], heldOut: [], preferences: [], heldOutPreferences: [] };
  SUPPORT_QA.forEach(([question, answer], index) => {
    const prompt = supportPrompt(question);
    const heldOut = index % 5 === 4;
    (heldOut ? corpus.heldOut : corpus.train).push({
      kind: 'prompt-completion',
      prompt,
      completion: ` ${answer}`,
    });
    const rejected = UNHELPFUL_ANSWERS[index % UNHELPFUL_ANSWERS.length] ?? '';
    (heldOut ? corpus.heldOutPreferences : corpus.preferences).push({
      kind: 'preference',
      prompt,
      chosen: ` ${answer}`,
      rejected: ` ${rejected}`,
    });
  });
  return corpus;
}
