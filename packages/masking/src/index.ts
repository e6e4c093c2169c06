// Masking (脱敏) of personal and legal-person identifiers, checksums of the national ID formats, and the grade policy
// that decides per sensitivity grade and usage mode whether an item leaves clear, masked or not at all (000 §23-25).
export * from './checksums';
export * from './mask';
export * from './policy';
