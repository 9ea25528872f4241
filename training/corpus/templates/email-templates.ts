import { defineTemplates } from './template.js';

export const EMAIL_TEMPLATES = defineTemplates('send_email', {
  clauses: [
    'email {to} with the subject "{subject}" saying "{body}"',
    'send an email to {to} with subject "{subject}" and body "{body}"',
    'send {to} an email titled "{subject}": {body}',
    'write to {to} with the subject {subject} and the message "{body}"',
    'email {_first_name} at {to} about "{subject}" and say "{body}"',
    'drop {to} a line, subject "{subject}", saying "{body}"',
    'shoot an email to {to}, subject: {subject}, body: {body}',
    'send a message to {to} with subject {subject} that says "{body}"',
    'email {to} the subject line "{subject}" with the text "{body}"',
  ],
  sentences: [
    'Can you email {to}? Subject: {subject}. Message: {body}',
    'Please send an email to {to} with the subject "{subject}" and the text "{body}"',
    'Email {to}: subject "{subject}", body "{body}"',
    'Send this to {to} with the subject "{subject}": {body}',
    'I need to email {_first_name} ({to}). Subject: {subject}. Body: {body}',
    'Could you write to {to}? The subject is "{subject}" and it should say: {body}',
    'To: {to}\nSubject: {subject}\n\n{body}',
    'Send an email. To: {to}. Subject: {subject}. Body: {body}',
    'Let {_first_name} know by email ({to}) with the subject "{subject}": {body}',
    'Please email {to} about "{subject}" and tell them: {body}',
    'Mail {to} with subject line "{subject}" and message "{body}"',
    'New email to {to}[,|;] subject {subject}[,|;] text: {body}',
    'Would you send {_first_name} an email at {to}? Use the subject "{subject}" and write: {body}',
    'email {to} re {subject}: {body}',
  ],
});
