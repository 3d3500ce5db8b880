<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ClinicForm</name>
    <message>
        <source>Eastern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Central</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mountain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mountain, no daylight saving (Arizona)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pacific</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alaska</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hawaii</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Atlantic (Puerto Rico)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DemoClinicRunner</name>
    <message>
        <source>Creating the demo clinic: patients, coverage and users…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo clinic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PatientForm</name>
    <message>
        <source>(555) 123-4567</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jr., III</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>what the patient likes to be called</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MM/DD/YYYY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Female</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Male</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Woman</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Man</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Non-binary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transgender woman</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transgender man</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prefers not to say</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>she/her</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>he/him</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>they/them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vietnamese</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tagalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arabic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>French</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Korean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Russian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portuguese</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>American Sign Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Street and number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apartment, suite (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>12345</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. spouse, parent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>leave empty if the patient pays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. parent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deceased</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Family name *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Given name *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Middle name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Su&amp;ffix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;referred name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birth and identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date of birth *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sex *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gender &amp;identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pro&amp;nouns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;tatus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of &amp;death</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>M&amp;obile phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Home phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Work phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Str&amp;eet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line &amp;2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>St&amp;ate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;ZIP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emergency contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guarantor</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UiText</name>
    <message>
        <source>Administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Front desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinician</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Biller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deceased</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Female</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Male</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Primary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secondary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tertiary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Self</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spouse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Child</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n mo</source>
        <translation>
            <numerusform>%n mo</numerusform>
            <numerusform>%n mo</numerusform>
        </translation>
    </message>
    <message>
        <source>Required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too long, or contains characters that are not text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a date as MM/DD/YYYY.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date cannot be in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date cannot be before 1890.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose female, male, other or unknown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a two-letter state code, such as IL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a ZIP code: 12345 or 12345-6789.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a 10-digit US phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter an e-mail address such as name@example.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the date of death.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a date between the date of birth and today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a deceased patient has a date of death.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An emergency contact needs both a name and a phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a valid 10-digit NPI (the check digit does not match).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a 9-digit tax ID, such as 12-3456789.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a time zone from the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most 4 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use at least 8 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required, at most 80 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose primary, secondary or tertiary.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose self, spouse, child or other.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The end date is before the effective date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You cannot deactivate your own account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You cannot remove your own administrator role.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account is deactivated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use 2 to 32 lower-case letters, digits, dots, dashes or underscores, starting with a letter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This value is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user name or password is not correct.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>This account is locked after too many failed attempts. Try again in %n minute(s).</source>
        <translation>
            <numerusform>This account is locked after too many failed attempts. Try again in %n minute.</numerusform>
            <numerusform>This account is locked after too many failed attempts. Try again in %n minutes.</numerusform>
        </translation>
    </message>
    <message>
        <source>The key file for this database is missing (%1), so it cannot be unlocked. Restore it from your backup or ask your administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key file next to this database is damaged or is not a Practica key file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file is not a Practica database, or it does not belong to its key file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database is damaged. Restore it from a backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no database at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user name %1 is already taken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk is full. Nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database cannot be written: the file or its folder is read-only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database could not be read or written (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another program is using the database. Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role does not allow this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record was not found. Someone may have changed it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not possible in the record&apos;s current state.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database was written by a newer version of Practica. Please update Practica.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong inside Practica (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong inside Practica.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>practica::app::ClinicForm</name>
    <message>
        <source>e.g. Riverside Family Practice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>10 digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>12-3456789</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(555) 123-4567</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Street and number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suite, floor (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>12345</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional, e.g. RFP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Practice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&amp;PI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tax ID (EIN)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Street</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line &amp;2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>St&amp;ate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;ZIP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheduling and records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time &amp;zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;MRN prefix</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>practica::app::ClinicSettingsPage</name>
    <message>
        <source>Clinic settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These details appear on claims, statements and printed forms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clinic settings were saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>practica::app::CoverageDialog</name>
    <message>
        <source>Add insurance policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit insurance policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;payer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional, e.g. PPO Gold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as printed on the card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MM/DD/YYYY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MM/DD/YYYY, empty if open-ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pa&amp;yer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Member ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Group number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;lan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient is the subscriber&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Subscriber name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subscriber &amp;birth date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;ffective</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;nds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insurance for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a payer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>practica::app::CoverageEditor</name>
    <message>
        <source>&amp;Add policy…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dea&amp;ctivate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;inactive policies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Effective</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No insurance on file: the patient is self-pay until a policy is added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deactivate policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deactivate the %1 policy with %2 (member ID %3)? It stays on file as inactive.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>practica::app::DemoLoginsDialog</name>
    <message>
        <source>Demo clinic ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo clinic is ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All patients are synthetic. Sign in as each role to see what it may do; you are now signed in as the administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start using the demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy sign-ins</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>practica::app::DuplicateDialog</name>
    <message>
        <source>Same name and date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This patient may already be registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registering the same person twice splits their chart and bills. Open the existing record if it is the same person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MRN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open existing patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Register anyway</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>practica::app::FirstStartWizard</name>
    <message>
        <source>Welcome to Practica</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no clinic database on this computer yet. How would you like to start?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create a new clinic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your practice&apos;s details and choose the administrator&apos;s password. Patient records are encrypted on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a &amp;demo clinic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A practice filled with synthetic patients and one sign-in per role, for training and trying things out. It takes a minute to build.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database will be created at:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo clinic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A complete practice to explore, with made-up data only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&lt;p&gt;Practica will build &lt;b&gt;%n synthetic patient(s)&lt;/b&gt; with insurance, the payers they use, and one user for each role: administrator, front desk, clinician and biller.&lt;/p&gt;&lt;p&gt;When it is ready you will see every sign-in and its password, and you will be signed in as the administrator. Do not enter real patients into a demo clinic.&lt;/p&gt;</source>
        <translation>
            <numerusform>&lt;p&gt;Practica will build &lt;b&gt;%n synthetic patient&lt;/b&gt; with insurance, the payers they use, and one user for each role: administrator, front desk, clinician and biller.&lt;/p&gt;&lt;p&gt;When it is ready you will see every sign-in and its password, and you will be signed in as the administrator. Do not enter real patients into a demo clinic.&lt;/p&gt;</numerusform>
            <numerusform>&lt;p&gt;Practica will build &lt;b&gt;%n synthetic patients&lt;/b&gt; with insurance, the payers they use, and one user for each role: administrator, front desk, clinician and biller.&lt;/p&gt;&lt;p&gt;When it is ready you will see every sign-in and its password, and you will be signed in as the administrator. Do not enter real patients into a demo clinic.&lt;/p&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Build demo clinic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your clinic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These details appear on claims and statements. You can change them later in Clinic settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The administrator adds the other users and manages the clinic&apos;s settings. Keep this password safe: without it the records cannot be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Maria Lopez</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at least 8 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Repeat password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set up Practica</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create clinic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder %1 cannot be created. Choose another place with --db.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo clinic was not created because you cancelled it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>practica::app::LockScreen</name>
    <message>
        <source>Practica is locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;witch user…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2) is signed in. Enter the password to continue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>practica::app::LoginDialog</name>
    <message>
        <source>Sign in — Practica</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to Practica</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinic database: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. jsmith</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>practica::app::MainWindow</name>
    <message>
        <source>Patients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinic settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Practica</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock the workstation (Ctrl+L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;witch user…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Patients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Practica</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Practica — Locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — Practica</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;table cellpadding=&apos;3&apos;&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+F&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Find a patient&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+N&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Register a new patient&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+S&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Save the open patient&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Enter&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Open the selected patient&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Esc&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Back to the patient list&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+1, 2, 3&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Patients, Users, Clinic settings&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+L&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Lock the workstation&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Practica</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Practica %1&lt;/b&gt;&lt;br&gt;Practice management for outpatient clinics.&lt;br&gt;Records are stored encrypted on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>practica::app::PasswordDialog</name>
    <message>
        <source>Reset password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New password for %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at least 8 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Repeat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Set password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>practica::app::PatientForm</name>
    <message>
        <source>* required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Revert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo the changes since the last save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Register patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please correct the highlighted fields.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>practica::app::PatientListView</name>
    <message>
        <source>Patients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register a new patient (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search by name (e.g. &quot;smi jo&quot;), date of birth, MRN or phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search patients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type part of a name (family, given), a date of birth, an MRN or a phone number. Press Enter to open the highlighted patient.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No patient matches &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n patient(s) found. Press Enter or ↓ to open.</source>
        <translation>
            <numerusform>%n patient found. Press Enter or ↓ to open.</numerusform>
            <numerusform>%n patients found. Press Enter or ↓ to open.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>practica::app::PatientRecordView</name>
    <message>
        <source>&amp;Back to search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the patient list (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Demographics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;overage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill in at least the name, date of birth and sex, then register.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MRN %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Born %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The changes to this patient have not been saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep editing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>practica::app::PatientSearchModel</name>
    <message>
        <source>MRN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>practica::app::PatientsPage</name>
    <message>
        <source>Registered %1 with MRN %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the patient</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>practica::app::PayerDialog</name>
    <message>
        <source>New payer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Blue Cross Blue Shield of Illinois</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the clearinghouse payer ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>claims address (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(555) 123-4567</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payer &amp;ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;ZIP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>practica::app::UserDialog</name>
    <message>
        <source>Add user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. jsmith</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Jane Smith</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at least 8 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;epeat password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the password to the user in person; they can change it after signing in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add user</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>practica::app::UsersPage</name>
    <message>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everyone who may unlock this workstation, and what their role lets them do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add user…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change r&amp;ole…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>May unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user was added and may now sign in on this workstation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password of %1 was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role of %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is now %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deactivate user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deactivate %1? They will no longer be able to unlock this workstation. Their past work stays on record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was deactivated.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
