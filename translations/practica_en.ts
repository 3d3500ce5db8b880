<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AppointmentActions</name>
    <message>
        <source>Con&amp;firmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check &amp;in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In &amp;room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;With provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BillingText</name>
    <message>
        <source>Claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insurance policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rendering provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinic (billing provider)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>charge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>points to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a required value is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it holds a character that is not allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the value is not valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the date is not valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error code %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accepted for processing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>returned as unprocessable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>information is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>information is not valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fields contradict each other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted by the clearinghouse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected by the clearinghouse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted by the payer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected by the payer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a valid NPI (ten digits with the right check digit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a tax id of nine digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not an ICD-10-CM code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not an ICD-10-CM code Practica knows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is a category; choose a more specific code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is listed twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has more than %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a CPT or HCPCS code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not in the procedure list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a modifier (two letters or digits)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a modifier Practica knows</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>diagnosis %1 is not on the claim (it has %n)</source>
        <translation>
            <numerusform>diagnosis %1 is not on the claim (it has %n)</numerusform>
            <numerusform>diagnosis %1 is not on the claim (it has %n)</numerusform>
        </translation>
    </message>
    <message>
        <source>must be more than zero</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a number of units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is in the future</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is past the payer&apos;s %2-day filing window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is before the patient was born</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a place of service code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is a PO box; claims need a street address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>needs all nine digits (ZIP+4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>holds a character a claim cannot carry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the policy was not in force on the date of service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the policy is another patient&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a replacement or void needs the payer&apos;s claim number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the claim was sent; correct it with a replacement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>element %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>segment %1 (position %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sent first from another workstation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (status %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voided by the payer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clearinghouse cannot be reached; the claims wait and go with the next send.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clearinghouse&apos;s SFTP server showed another host key (%1) than the settings name, so nothing was sent to it. Confirm the fingerprint with the clearinghouse before you change it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clearinghouse did not accept the sign-in. Check the user name and password (or the key file and its passphrase) in the clearinghouse settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clearinghouse&apos;s server has no folder %1. Check the %2 in the clearinghouse settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>upload folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>download folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clearinghouse&apos;s server refused the %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>claims file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answer files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clearinghouse sent an answer Practica cannot read (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clinic&apos;s clearinghouse takes files by hand: use Export 837 file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clearinghouse settings are not complete: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other non-federal program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preferred provider organization (PPO)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Point of service (POS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exclusive provider organization (EPO)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indemnity insurance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HMO Medicare risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dental maintenance organization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automobile medical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blue Cross Blue Shield</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TRICARE (CHAMPUS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commercial insurance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Federal Employees Program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health maintenance organization (HMO)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Liability medical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medicare Part A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medicare Part B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medicaid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other federal program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title V</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Veterans Affairs plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workers&apos; compensation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mutually defined</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BookingFlow</name>
    <message>
        <source>Which %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On %1 the clocks fall back, so %2 happens twice. Which one is the appointment?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first (daylight time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The second (standard time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not exist on %2: the clocks spring forward an hour that night. Choose a time after the change.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChartPrintout</name>
    <message>
        <source>Patient summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Immunizations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visit summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vital signs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subjective</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objective</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChartText</name>
    <message>
        <source>Office visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annual physical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acute visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telehealth visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Procedure</source>
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
        <source>Resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entered in error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discontinued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Final</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preliminary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corrected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prescribed here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mild</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moderate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>severe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>severity unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drug</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drug class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Food</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environmental</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Height</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BMI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blood pressure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Systolic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diastolic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pulse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Respiratory rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SpO2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>high</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>critically low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>critically high</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>abnormal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>critically abnormal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vital signs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allergy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Immunization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lab result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Addendum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft, not signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed by %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allergies not recorded: ask the patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No known allergies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allergies: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (also recorded elsewhere as &quot;no known allergies&quot;: check with the patient)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
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
    <name>ConflictDescriber</name>
    <message>
        <source>%1 – %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>patient record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>insurance coverage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>payer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>appointment type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waitlist entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>clinic settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A change to a %1 the server does not have</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This workstation changed a %1 that the server has never received, or that was removed there. Send it again to add it as it is on this computer, or take the server&apos;s version to drop the change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused a change to a %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s reason: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double booking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused an appointment booked on this workstation because the time was already taken. The server&apos;s reason: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another appointment (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already in use at that time by %2, booked on another workstation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already has %2 at that time, booked on another workstation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already booked at that time with %2, booked on another workstation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This workstation&apos;s %1 appointment for %2 (%3) has not been accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick another time for it, or keep the other booking and put this appointment back where the server has it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick another time for it, or keep the other booking and remove this one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a patient registered on this workstation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate MRN %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The MRN %1 given to %2 on this workstation is already used by another patient on the server. Change this patient&apos;s MRN and send it again, or take the server&apos;s version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name %1 already taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user name %1 was created on this workstation while another workstation gave it to a different person. Change the user name and send it again, or take the server&apos;s version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A %1 duplicates another one on the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double booking: %1 — %2 with %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 was locked before this change arrived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another workstation locked this %1 (signed, transmitted or submitted it) while this workstation was changing it. A locked record takes no more changes; take the server&apos;s version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server does not know this kind of record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clinic&apos;s server is older than this workstation and does not accept %1 records yet. Ask whoever looks after the server to update it, then send the change again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server gave the code %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not allowed: a change to a %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody may change the %1 of their own user account, not even an administrator. Ask another administrator to do it. Take the server&apos;s version to drop this change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A %1 is never deleted: make it inactive instead. Take the server&apos;s version to put it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>set the %1 of a %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>add a %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delete a %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>change a %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server does not allow the %1 role to %2, so the change was not shared with the clinic. Take the server&apos;s version to drop it, and ask an administrator if it is needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer&apos;s clock was wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A change to a %1 is dated before the %2 existed, so the server refused it. Check this computer&apos;s date and time, take the server&apos;s version, and make the change again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>clinic</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message>
        <source>This computer&apos;s clock is %1 ahead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused a change to a %1 because this computer&apos;s clock is %2 ahead of the server&apos;s. Set the correct date and time on this computer, then send the change again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 %2 is already used by another %3 on the server. Change it and send it again, or take the server&apos;s version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused a %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Correct the %2 on this workstation, then send it again, or take the server&apos;s version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two active %1 insurance policies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The patient already has an active %1 policy on the server, added on another workstation. Make this policy secondary or end the other one, then send it again, or take the server&apos;s version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another %1 with the same %2 already has the %3 %4 on the server. Change it and send it again, or take the server&apos;s version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>two-step sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the person a %1 belongs to may set it up or change it; an administrator may only remove it. Take the server&apos;s version to drop this change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The note was signed before this edit arrived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The note was signed on another workstation while it was being edited here, and a signed note never changes. Turn this edit into an addendum (you read and sign it), or take the signed note as it is.</source>
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
    <name>JoinClinicRunner</name>
    <message>
        <source>Signing in to the sync server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Joining the clinic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading the clinic…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping… what has arrived is kept on this computer.</source>
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
    <name>RuleText</name>
    <message>
        <source>a two-letter US state code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a ZIP code (12345 or 12345-6789)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a 10-digit US phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an e-mail address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a valid NPI (10 digits with a correct check digit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an EIN (NN-NNNNNNN)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a time zone such as America/Chicago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a colour as #rrggbb</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weekdays 1 (Monday) to 7 (Sunday)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in the right format (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>family name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>given name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MRN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>home phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mobile phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>work phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e-mail address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ZIP code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>appointment type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>insurance policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>payer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>length in minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>start time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>end time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NPI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tax id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>member id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>effective date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>end date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>date of death</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A %1 has no field called “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 of a %2 is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 must be a whole number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 must be yes or no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 must be a date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 must not be before %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 must not be in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 must be %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 must be one of: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 must be at least %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 must be at most %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 must be from %2 to %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 names a %2 that does not exist on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 must not come before the %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 must come after the %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 breaks the rule “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This version of Practica does not know this kind of record (%1). Update Practica on this computer; the change is merged at the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This version of Practica does not know the field “%1” of a %2. Update Practica on this computer; the change is merged at the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 The server accepted it without checking (an older server). Correct the %2 on any workstation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 refers to a record this computer does not have yet. It is tried again at every sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 would duplicate one this computer already has. It is tried again at every sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer&apos;s database refused the %1. It is tried again at every sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not merged (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2 to 32 lower-case letters, digits, dots, dashes or underscores, starting with a letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an address such as https://server.clinic.example:8443</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a clinic id (a UUID)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 must be text of at most %2 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>two-step sign-in rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a user key made by Practica when a password is set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an ICD-10-CM code such as E11.9</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a CVX vaccine code (1 to 3 digits)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a LOINC code such as 2345-7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a UTC time as YYYY-MM-DDTHH:MM:SSZ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a SHA-256 digest (64 hexadecimal digits)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an SSH host key fingerprint such as SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an address such as sftp://sftp.clearinghouse.example:22</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an address starting with https://</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a full path, starting with /</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a folder on the server such as /inbound (no quotes or backslashes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>upload folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>download folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>host key fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>submitter id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>receiver id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contact name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contact phone</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScheduleDay</name>
    <message>
        <source>Break</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vacation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No room</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScheduleExports</name>
    <message>
        <source>%1 could not be written: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MRN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No appointments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n appointment(s)</source>
        <translation>
            <numerusform>%n appointment</numerusform>
            <numerusform>%n appointments</numerusform>
        </translation>
    </message>
    <message>
        <source>There are no providers to print a day sheet for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day sheet %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The day sheets were saved to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>day-sheet-%1.pdf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save day sheets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The calendar file was saved to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save calendar file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>iCalendar (*.ics)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no upcoming appointments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 appointments</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The reminder list (%n appointment(s)) was saved to %1.</source>
        <translation>
            <numerusform>The reminder list (%n appointment) was saved to %1.</numerusform>
            <numerusform>The reminder list (%n appointments) was saved to %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Reminder list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last day is before the first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reminders-%1-to-%2.csv</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save reminder list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScheduleText</name>
    <message>
        <source>Scheduled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No-show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Friday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Provider %1 already sees %2 at %3 (%n min).</source>
        <translation>
            <numerusform>Provider %1 already sees %2 at %3 (%n min).</numerusform>
            <numerusform>Provider %1 already sees %2 at %3 (%n min).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Room %1 is taken by %2 at %3 (%n min).</source>
        <translation>
            <numerusform>Room %1 is taken by %2 at %3 (%n min).</numerusform>
            <numerusform>Room %1 is taken by %2 at %3 (%n min).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The patient %1 already has an appointment at %2 (%n min).</source>
        <translation>
            <numerusform>The patient %1 already has an appointment at %2 (%n min).</numerusform>
            <numerusform>The patient %1 already has an appointment at %2 (%n min).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 at %2 (%n min).</source>
        <translation>
            <numerusform>%1 at %2 (%n min).</numerusform>
            <numerusform>%1 at %2 (%n min).</numerusform>
        </translation>
    </message>
    <message>
        <source>The time is outside %1&apos;s working hours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The time falls in %1&apos;s break.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The time is blocked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The time is blocked: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is on vacation: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clinic is closed for a holiday: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An appointment lasts from 5 minutes to 12 hours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a patient.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a provider who is still bookable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a type of visit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a room that is in use, or no room.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a reason for the cancellation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This patient record was merged into another; book the surviving record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the provider</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SetupDialogs</name>
    <message>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Samuel Okafor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MD, DO, NP, PA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>10 digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bookable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Specialty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&amp;PI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co&amp;lour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Exam 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appointment type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>May be booked over another appointment (front desk and admins)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No default room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The whole clinic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vacation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. staff meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;For</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;rom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;eason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinic holiday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Thanksgiving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncText</name>
    <message>
        <source>Sync was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clinic&apos;s sync server cannot be reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync server&apos;s certificate is not trusted. Check the server address, or choose the clinic&apos;s certificate file in Connect to sync server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync server no longer accepts this workstation&apos;s sign-in. An administrator can connect it again with File › Connect to sync server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync server did not accept this user name and password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This workstation is waiting for an administrator to approve it on the sync server. Choose Sync now (F9) once it is approved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync server does not allow this user to sync this clinic.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync server does not know this clinic. Check the server address and the clinic ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all changes sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting</source>
        <translation>
            <numerusform>%n change waiting</numerusform>
            <numerusform>%n changes waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n conflict</numerusform>
            <numerusform>%n conflicts</numerusform>
        </translation>
    </message>
    <message>
        <source>not synced yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>synced %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>h:mm AP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MMM d, h:mm AP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected to a sync server</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Syncing · sending %n change(s)…</source>
        <translation>
            <numerusform>Syncing · sending %n change…</numerusform>
            <numerusform>Syncing · sending %n changes…</numerusform>
        </translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online · %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Offline — %n change(s) kept on this computer, sent when the server is back</source>
        <translation>
            <numerusform>Offline — %n change kept on this computer, sent when the server is back</numerusform>
            <numerusform>Offline — %n changes kept on this computer, sent when the server is back</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline — changes are kept on this computer and sent when the server is back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync stopped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync paused while the workstation is locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records are kept on this computer only. An administrator can connect this workstation to the clinic&apos;s sync server (File › Connect to sync server).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync server: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last complete sync: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ddd MMM d yyyy, h:mm:ss AP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This workstation has not completed a sync yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes waiting to be sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes the server refused: %1 (click the conflicts to resolve them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next attempt at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>h:mm:ss AP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync now: F9</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server&apos;s certificate is not trusted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server no longer accepts this workstation&apos;s sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server refused the sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this workstation waits for an administrator&apos;s approval on the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server needs a newer version of Practica</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this user may not sync this clinic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the account is locked on the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting to sync · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync problem, retrying on its own: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n not merged</source>
        <translation>
            <numerusform>%n not merged</numerusform>
            <numerusform>%n not merged</numerusform>
        </translation>
    </message>
    <message>
        <source>Changes received but not merged on this computer: %1 (click “not merged” to see why)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You use two-step sign-in: the sync server needs the 6-digit code from your authenticator app as well. Enter it under Authenticator code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading the clinic: %1%</source>
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
        <source>Enter a date as MM/DD/YYYY.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date cannot be in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the date of death.</source>
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
        <source>The two passwords are not the same.</source>
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
    <message>
        <source>The clinic&apos;s sync server cannot be reached. Work continues offline; changes will be sent later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync server did not accept your sign-in. Sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This workstation is waiting for an administrator to approve it on the sync server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync server needs a newer version of Practica. Please update Practica.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync server sent an answer Practica does not understand (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the %1 or the %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most %1 characters of text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use at least %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a whole number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose yes or no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a time of day, such as 9:30 AM.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a date and a time of day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date cannot be before %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose one of: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From %1 to %2, in steps of %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 cannot come before the %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 must come after the %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no file at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a %1 that is still in use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required when the %1 is %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only when the %1 is %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the %1 together with the %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two entries are not the same.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This version of Practica does not know the field %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That time does not exist on this day: the clocks spring forward an hour. Choose a time after the change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The patient is recorded as deceased and cannot be booked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The coverage is not one of the patient&apos;s policies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A patient cannot be merged into the same record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use Merge to combine duplicate records.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use Cancel, which asks for a reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This appointment is not part of a series.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too large.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The patient already has an active %1 policy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This %1 is already used by another record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This patient record was merged into another; use the surviving record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That record was already merged into another one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This workstation has used all of its record numbers. Sync with the server to get more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The room is already taken at that time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The patient already has an appointment at that time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider already has an appointment at that time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The time needs confirmation (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The appointment cannot go to that status from where it is now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other records refer to this one, so it cannot be removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped before it finished; nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An earlier step failed, so nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database refused the record (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clinic requires two-step sign-in for your account. Set it up to continue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the 6-digit code from your authenticator app to continue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That code was already used. Wait for the next code in your authenticator app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The code is not correct. Check that you typed the current code from your authenticator app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This workstation does not know the user “%1” yet. It learns of new users when someone signs in here while it can reach the clinic&apos;s server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This password was protected with less work per guess than the clinic&apos;s server accepts. Set the password again with an up-to-date Practica.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 cannot be changed once the record is made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the note&apos;s author can sign it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signature does not match the note&apos;s text: the note changed before it was signed. Read it again and sign it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This note is signed and cannot change. Add an addendum instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An addendum is added to a signed note; this note is not signed yet, so edit it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No claim is ready or queued to go in a batch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This claim was sent already and cannot change. Correct it with a replacement.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>practica::app::AllergyDialog</name>
    <message>
        <source>Add an allergy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allergy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Penicillin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. hives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Substance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;everity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;tatus</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>practica::app::AppointmentActions</name>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel appointment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;No-show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Details…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calendar file (.ics)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calendar file of %1&apos;s upcoming visits…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was marked as a no-show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at %2 with %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. feeling better, work conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clinic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled &amp;by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel &amp;appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The appointment of %1 was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offer the freed time</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n patient(s) on the waitlist fit %1 with %2:</source>
        <translation>
            <numerusform>%n patient on the waitlist fit %1 with %2:</numerusform>
            <numerusform>%n patients on the waitlist fit %1 with %2:</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Book selected…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1, %n min</source>
        <translation>
            <numerusform>%1, %n min</numerusform>
            <numerusform>%1, %n min</numerusform>
        </translation>
    </message>
    <message>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (overbooked)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The appointment details were saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>practica::app::ArrivalsPage</name>
    <message>
        <source>Arrivals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check in   [I]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In room   [R]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check out   [O]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a row and press I to check the patient in, R when they are roomed, O to check them out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All providers</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 booked · %2 arrived · %3 waiting · %4 done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2; that step is not possible from here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>practica::app::BillingPage</name>
    <message>
        <source>Billing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build claim…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visits ready to bill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All claims</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Billed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send queued claims…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export 837 file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the ready claims as an 837 file</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n claim(s) written to %1</source>
        <translation>
            <numerusform>%n claim written to %1</numerusform>
            <numerusform>%n claims written to %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Claims</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ICD-10-CM codes, the principal first: E11.9, I10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modifiers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check and mark ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagnoses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To fix before it can go (double-click to go there)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claim %1 · %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing: the claim is clean.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinic settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule setup › Providers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the patient&apos;s record on Patients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix this in %1, then check the claim again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: the charge is dollars and cents, like 125.00.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claim %1 saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n thing(s) to fix before claim %1 can go.</source>
        <translation>
            <numerusform>%n thing to fix before claim %1 can go.</numerusform>
            <numerusform>%n things to fix before claim %1 can go.</numerusform>
        </translation>
    </message>
    <message>
        <source>Claim %1 is ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claim %1 will go with the next send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a visit to bill.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build a claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charges come from the fee schedule. Points to: the diagnoses each line is for, by number, e.g. 1, 2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A claim needs at least one charge.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft claim %1 built</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set up the clinic&apos;s clearinghouse first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clinic&apos;s clearinghouse takes files by hand: use Export 837 file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send claims</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password for %1 at %2:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending claims to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clearinghouse cannot be reached; the claims wait and go with the next send.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Sent %n claim(s); %1 answer(s) from the clearinghouse applied.</source>
        <translation>
            <numerusform>Sent %n claim; %1 answer from the clearinghouse applied.</numerusform>
            <numerusform>Sent %n claims; %1 answers from the clearinghouse applied.</numerusform>
        </translation>
    </message>
    <message>
        <source>Remember on this workstation, and fetch answers every few minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Claims: %n sent, %1 answer(s) from the clearinghouse</source>
        <translation>
            <numerusform>Claims: %n sent, %1 answer from the clearinghouse</numerusform>
            <numerusform>Claims: %n sent, %1 answers from the clearinghouse</numerusform>
        </translation>
    </message>
    <message>
        <source>the payer&apos;s number of the claim this one replaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct with a replacement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payer&apos;s claim #</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replacement claim %1 drafted: fix it, then queue it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clearinghouse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How claims reach the clinic&apos;s clearinghouse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clearinghouse settings saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase of this workstation&apos;s key for %1 (empty when the key has none):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What each payer&apos;s claims say it is, and its timely filing window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 The claims are in batch %2, kept on this workstation; Send queued claims sends it to the clearinghouse.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files from the clearinghouse that are not answers Practica reads, kept on this workstation: %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>practica::app::BookingDialog</name>
    <message>
        <source>Book an appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n min)</source>
        <translation>
            <numerusform>%1 (%n min)</numerusform>
            <numerusform>%1 (%n min)</numerusform>
        </translation>
    </message>
    <message>
        <source>No room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;oom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;ime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Book</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a patient first: type part of the name and pick them from the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a provider and a type of visit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Book</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>practica::app::ChartWindow</name>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visits &amp;&amp; notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Onset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add problem…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frequency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add medication…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No known allergies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Substance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add allergy…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allergies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vital signs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vaccine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CVX</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record immunization…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Immunizations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print summary…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save patient summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>patient-summary.pdf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the patient summary to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visit or note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider or author</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason or status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start walk-in visit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New note   Ctrl+N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record vital signs…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print visit summary…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a visit first: a note belongs to a visit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save visit summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>visit-summary.pdf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the visit summary to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 years · %2 · born %3 · MRN %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latest vital signs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n visit(s) on record</source>
        <translation>
            <numerusform>%n visit on record</numerusform>
            <numerusform>%n visits on record</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s) not signed yet</source>
        <translation>
            <numerusform>%n note not signed yet</numerusform>
            <numerusform>%n notes not signed yet</numerusform>
        </translation>
    </message>
    <message>
        <source>Signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft, not signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Addendum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>date unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a provider in Schedule setup first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walk-in visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for the visit:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>practica::app::ClearinghouseDialog</name>
    <message>
        <source>Clearinghouse settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the clinic&apos;s id at the clearinghouse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the clearinghouse&apos;s own id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Production: the claims are real (off: test files the payers do not pay)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>who the clearinghouse calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CAQH CORE over HTTPS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SFTP: files on the clearinghouse&apos;s server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files by hand (Export 837 file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>where claims are put, e.g. /inbound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>where the answers wait, e.g. /outbound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none: sign in with the password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This workstation&apos;s SFTP private key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clinic at the clearinghouse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clearinghouse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitter id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receiver id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Billing contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timely filing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How claims reach it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The fingerprint the clearinghouse gives you for its server.
Practica sends nothing to a server that shows another key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This workstation&apos;s key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no key file at %1.</source>
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
    <message>
        <source>Nobody (each user may turn it on)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two-step sign-in &amp;required for:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>practica::app::ConflictDialog</name>
    <message>
        <source>The time is taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please confirm the time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This appointment collides with:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before you go on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This type of visit may be overbooked: both appointments will keep the time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The patient cannot be in two places at once: choose another time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This type of visit cannot be overbooked: choose another time, provider or room.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The time is still free; book it only if the provider has agreed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose another time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Overbook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 &amp;anyway</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>practica::app::ConflictsDialog</name>
    <message>
        <source>Sync conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes the sync server could not accept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No conflicts. Every change made on this workstation has been accepted by the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pick another time…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep the other booking (undo my change)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep the other booking (remove mine)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Send again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Take the server&apos;s version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending it again…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetching the server&apos;s version…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The appointment is no longer on this workstation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moved to %1. Sending it to the server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the other booking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put this appointment back as the server has it? The change made on this workstation is dropped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove this workstation&apos;s appointment and keep the other booking? Let the patient know that their appointment needs a new time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo my change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taking the server&apos;s version…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The conflict could not be resolved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The other booking keeps this time. Choose a time when %1 is free, or let Find a free time suggest one; the appointment is then sent to the server again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clinic&apos;s server did not accept these changes made on this workstation, most often because another workstation changed the same thing. Nothing is lost: each change waits here until you choose what to do with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn my edit into an &amp;addendum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the addendum…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>practica::app::ConnectServerDialog</name>
    <message>
        <source>Connect to sync server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect this workstation to the clinic&apos;s sync server so that its records are shared with the other workstations. Your password is checked by the server; an administrator may have to approve this workstation there before it syncs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. https://sync.example-clinic.org:8443</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only for a server with its own certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Server address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Certificate file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;This computer&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your &amp;password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to the sync server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clinic&apos;s certificate file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the server&apos;s address, such as https://sync.example-clinic.org:8443.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give this computer a name, such as Front desk 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only if you use two-step sign-in: the 6-digit code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authenticator &amp;code</source>
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
    <name>practica::app::DayView</name>
    <message>
        <source>Schedule grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; %2&lt;br&gt;%3–%4 · %5&lt;br&gt;%6 · %7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overbooked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No providers to show. An administrator adds them under Schedule setup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Holiday: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n appt(s)</source>
        <translation>
            <numerusform>%n appt</numerusform>
            <numerusform>%n appts</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 min</source>
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
    <name>practica::app::FindSlotDialog</name>
    <message>
        <source>Find a slot</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n min)</source>
        <translation>
            <numerusform>%1 (%n min)</numerusform>
            <numerusform>%1 (%n min)</numerusform>
        </translation>
    </message>
    <message>
        <source>Any provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days (none: any)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting between</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Book this time…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message>
        <source>No free time in the next 30 days fits. Widen the days or hours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The first %n opening(s). Double-click one to book it.</source>
        <translation>
            <numerusform>The first %n opening. Double-click one to book it.</numerusform>
            <numerusform>The first %n openings. Double-click one to book it.</numerusform>
        </translation>
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
    <message>
        <source>&amp;Join a clinic on a sync server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For another workstation of a clinic that already uses Practica with a sync server: sign in with your own user name and the clinic&apos;s records are downloaded to this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Joining was cancelled. Nothing was saved on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The download stopped at %1 of %2 changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer has joined the clinic and keeps what has arrived. Choose Continue download, or close Practica: the download continues the next time you sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Join a clinic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer becomes another workstation of a clinic that already syncs with a Practica server. The server checks your sign-in, then sends the clinic&apos;s records.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. https://sync.example-clinic.org:8443</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from your administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only for a server with its own certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. jsmith</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Front desk 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Server address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clinic ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ertificate file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;This computer&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After this first sign-in you can sign in on this computer without the network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Join and download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clinic&apos;s certificate file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the server&apos;s address, such as https://sync.example-clinic.org:8443.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the clinic ID your administrator gave you.</source>
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
    <message>
        <source>Give this computer a name, such as Front desk 2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Continue download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer has joined the clinic. Choose Continue download, or close Practica: the download starts the next time you sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This workstation is registered and waits for an administrator to approve it on the sync server. Once it is approved, choose Continue download; or close Practica: the download starts the next time you sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only if you use two-step sign-in: the 6-digit code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authenticator &amp;code</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>practica::app::ImmunizationDialog</name>
    <message>
        <source>Record an immunization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Immunization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CVX code, e.g. 150</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Influenza, quadrivalent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MM/DD/YYYY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left deltoid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right deltoid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left thigh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right thigh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left arm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right arm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mouth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intramuscular</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subcutaneous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intradermal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By mouth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intranasal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;CVX code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Vaccine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Given on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a vaccine or a CVX code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>practica::app::LabInboxDialog</name>
    <message>
        <source>No patient here has this MRN, name and date of birth.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Several patients have this name and date of birth.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The MRN belongs to a patient with another name or date of birth.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A result in it is incomplete or not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not an HL7 message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message header (MSH) is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A required part of the message is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a lab result message (ORU^R01).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This HL7 version is not supported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A line of the message is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The parts of the message are out of order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message names more than one patient.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A field of the message is missing or damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A date or time in the message is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message was cut off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message holds no results.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set aside (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(line %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lab results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import a results file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set aside, waiting for a clinician</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient in the message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File under a patient…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import lab results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HL7 files (*.hl7 *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file %1 cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n message(s).</source>
        <translation>
            <numerusform>%1: %n message.</numerusform>
            <numerusform>%1: %n messages.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n filed</source>
        <translation>
            <numerusform>%n filed</numerusform>
            <numerusform>%n filed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n result</numerusform>
            <numerusform>%n results</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already here</source>
        <translation>
            <numerusform>%n already here</numerusform>
            <numerusform>%n already here</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n set aside</source>
        <translation>
            <numerusform>%n set aside</numerusform>
            <numerusform>%n set aside</numerusform>
        </translation>
    </message>
    <message>
        <source>MRN %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File the results under a patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the name and date of birth in the message before you file it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Filed %n result(s) under %1.</source>
        <translation>
            <numerusform>Filed %n result under %1.</numerusform>
            <numerusform>Filed %n results under %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Discard message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard this message? Its results will not be filed anywhere.</source>
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
    <message>
        <source>Unlocking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlocking needs the code from your authenticator app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clinic&apos;s users changed on another workstation (someone was deactivated or given another role), so Practica locked. Sign in again to continue.</source>
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
    <message>
        <source>Signing in…</source>
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
        <source>About Practica</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Practica %1&lt;/b&gt;&lt;br&gt;Practice management for outpatient clinics.&lt;br&gt;Records are stored encrypted on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrivals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule setup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync &amp;now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync &amp;conflicts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to sync &amp;server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This workstation is not connected to a sync server. Ask an administrator to connect it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to the sync server. The first sync has started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;table cellpadding=&apos;3&apos;&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+F&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Find a patient&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+N&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Register a new patient&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+S&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Save the open patient&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Enter&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Open the selected patient&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Esc&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Back to the patient list&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+1 … 6&lt;/b&gt;&lt;/td&gt;&lt;td&gt;The pages in the sidebar, in order&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Arrows, Enter&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Schedule: move the selection; book or open it&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Alt+Left, Alt+Right&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Schedule: previous or next day&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Z&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Schedule: undo the last move&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;I, R, O&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Arrivals: check in, in room, check out&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F9&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Sync with the clinic&apos;s server now&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+L&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Lock the workstation&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes not &amp;merged…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) moved to a merged patient&apos;s surviving record</source>
        <translation>
            <numerusform>%n change moved to a merged patient&apos;s surviving record</numerusform>
            <numerusform>%n changes moved to a merged patient&apos;s surviving record</numerusform>
        </translation>
    </message>
    <message>
        <source>Change my &amp;password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your password was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two-step sign-&amp;in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Billing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>practica::app::MedicationDialog</name>
    <message>
        <source>Add a medication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Lisinopril 10 mg tablet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 1 tablet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. by mouth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. once daily</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MM/DD/YYYY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Medication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Frequency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;tarted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ource</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>practica::app::MoveAppointmentDialog</name>
    <message>
        <source>Pick another time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 · now %3 with %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find a free time…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;ime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>practica::app::MyDayPage</name>
    <message>
        <source>My day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open chart   Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start visit   S</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MRN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My unsigned notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No providers yet: an administrator adds them in Schedule setup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n unsigned</source>
        <translation>
            <numerusform>%n unsigned</numerusform>
            <numerusform>%n unsigned</numerusform>
        </translation>
    </message>
    <message>
        <source>Lab results…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note templates…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>practica::app::NoteEditor</name>
    <message>
        <source>Subjective</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objective</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Addendum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Addendum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Subjective</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Objective</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save draft   Ctrl+S</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign…   Ctrl+Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add addendum…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its author</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WARNING: the text no longer matches its signature.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only its author can edit or sign it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign this %1? A signed note cannot be changed; corrections are added as addenda.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill this note from the %1 template? What its four sections hold now is replaced.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>practica::app::NoteTemplatesDialog</name>
    <message>
        <source>Note templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new note of this visit type starts with this text. {{age}}, {{sex}}, {{vitals}}, {{problems}}, {{allergies}} and {{medications}} are filled in from the chart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Visit type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Subjective</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Objective</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Practica&apos;s template: saving makes it the clinic&apos;s own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clinic&apos;s own template.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. New notes of this visit type start with it on every workstation.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>practica::app::ParkedChangesDialog</name>
    <message>
        <source>Changes not merged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes received but not merged on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These changes came from the clinic&apos;s server but do not fit this computer&apos;s records. Nothing is lost: each one is kept here and merged as soon as it fits — at the next sync when it waits for another record, after an update of Practica when it is a newer kind of record, or when someone corrects the record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why it is not merged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The list could not be read from this computer&apos;s database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every change received from the server is merged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) not merged.</source>
        <translation>
            <numerusform>%n change not merged.</numerusform>
            <numerusform>%n changes not merged.</numerusform>
        </translation>
    </message>
    <message>
        <source>MMM d, h:mm AP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
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
    <message>
        <source>Change my password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your current password, then your new password twice. The new password opens this workstation from now on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Current password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your current password is not correct.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A temporary password for %1 (%2). They choose their own at their next sign-in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a new password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An administrator reset your password. Enter the temporary password you were given, then choose your own password twice.</source>
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
    <name>practica::app::PatientPicker</name>
    <message>
        <source>Find the patient: name, date of birth, MRN or phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · DOB %2 · MRN %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No patient matches. Register new patients on the Patients page.</source>
        <translation type="unfinished"></translation>
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
    <message>
        <source>Open &amp;chart</source>
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
    <message>
        <source>Payer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as the clearinghouse settings say</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claims go &amp;as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Timely filing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>practica::app::PayersDialog</name>
    <message>
        <source>Payers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payer ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claims go as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timely filing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What a payer&apos;s claims say it is, and how long after the visit it takes them. Double-click a payer to change it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New payer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (inactive)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message>
        <source>as the clearinghouse settings say</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>practica::app::ProblemDialog</name>
    <message>
        <source>Add a problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ICD-10-CM, e.g. E11.9</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Type 2 diabetes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MM/DD/YYYY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Onset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resolved on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a diagnosis or an ICD-10-CM code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>practica::app::SchedulePage</name>
    <message>
        <source>Double-click a free slot or press Enter to book · drag a block to move it, its lower edge to change the length · right-click for status, cancel, no-show · Ctrl+Z undoes the last move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role can look at the schedule but not change it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous day (Alt+Left)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next day (Alt+Right)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day by provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day by room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week of one provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1-minute grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo the last move or length change (Ctrl+Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find a slot…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find the next free times for a visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day &amp;sheet…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print each provider&apos;s day sheet to PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reminders…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export a CSV reminder list for a range of dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo: %1 (Ctrl+Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booked %1 with %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>move of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moved %1 to %2 with %3. Ctrl+Z puts it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>length of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1&apos;s appointment is now %n minute(s). Ctrl+Z puts it back.</source>
        <translation>
            <numerusform>%1&apos;s appointment is now %n minute. Ctrl+Z puts it back.</numerusform>
            <numerusform>%1&apos;s appointment is now %n minutes. Ctrl+Z puts it back.</numerusform>
        </translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undone: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Book at %1…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>practica::app::ScheduleSetupPage</name>
    <message>
        <source>Schedule setup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who can be booked, where, for what, and when the clinic is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Specialty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NPI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overbook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Holiday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add provider…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Providers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add room…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add type…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appointment types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Block time…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;holiday…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocks and holidays</source>
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
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whole clinic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vacation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The time was blocked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The block was removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The holiday was removed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>practica::app::SecondFactorDialog</name>
    <message>
        <source>Two-step sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the authenticator app on your phone and type the 6-digit code it shows for Practica.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>6-digit code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lost your phone? Type one of your recovery codes instead, or ask an administrator to remove your two-step sign-in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the code from your authenticator app.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>practica::app::SyncController</name>
    <message>
        <source>Sync is not running on this workstation. Sign in and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>practica::app::SyncStatusWidget</name>
    <message>
        <source>Sync status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the changes the sync server refused, and resolve them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect this workstation to the clinic&apos;s sync server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop this sync; it continues from here next time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send and receive changes now (F9)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the changes received from the server that this computer could not merge, and why</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>practica::app::SyncWorker</name>
    <message>
        <source>The database could not be opened for sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync is not running on this workstation.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>practica::app::TotpEnrolDialog</name>
    <message>
        <source>Set up two-step sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your clinic requires a second step when you sign in. </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1. Open an authenticator app on your phone (for example Google Authenticator or Microsoft Authenticator) and scan this code.
2. Type the 6-digit code the app shows, then press Turn on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot scan? Type this key into the app instead:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Code from the app:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>6 digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Turn on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two-step sign-in is on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If you lose your phone, each of these recovery codes lets you sign in once. Print them or write them down and keep them somewhere safe: they are not shown again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I have &amp;saved them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the 6-digit code your authenticator app shows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two-step sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Two-step sign-in is on for you: after your password, Practica asks for the code from your authenticator app. %n recovery code(s) left.</source>
        <translation>
            <numerusform>Two-step sign-in is on for you: after your password, Practica asks for the code from your authenticator app. %n recovery code left.</numerusform>
            <numerusform>Two-step sign-in is on for you: after your password, Practica asks for the code from your authenticator app. %n recovery codes left.</numerusform>
        </translation>
    </message>
    <message>
        <source>Set up a &amp;new phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn &amp;off</source>
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
    <message>
        <source>Remove two-step sign-&amp;in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For a user who lost their phone: they sign in with their password and set it up again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove two-step sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove two-step sign-in from %1? They will sign in with their password alone until they set it up again (at once, if the clinic requires it). Do this when they lost their phone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not use two-step sign-in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two-step sign-in was removed from %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everyone of the clinic, and what their role lets them do. A new user, a password, a role or a deactivation reaches each other workstation at its next sync; until then a workstation that is offline keeps what it last knew.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>practica::app::VitalsDialog</name>
    <message>
        <source>Record vital signs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>US units (in, lb, °F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> /min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> of 10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Height</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BMI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blood pressure, s&amp;ystolic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blood pressure, &amp;diastolic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pulse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Temperature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Respiratory rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;SpO2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;ain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> cm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> lb</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> kg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> °F</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> °C</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>practica::app::VitalsTab</name>
    <message>
        <source>Taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pulse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Temp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SpO2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Height</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BMI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blood pressure and pulse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record vital signs…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Systolic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diastolic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No blood pressure or pulse recorded yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>practica::app::WaitlistEntryDialog</name>
    <message>
        <source>Add to waitlist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. can come on short notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days (none: any)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Between</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a patient first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>practica::app::WaitlistPanel</name>
    <message>
        <source>Waitlist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put a patient on the waitlist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody is waiting. Add patients who want an earlier or a particular time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Book…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1–%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove from waitlist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take %1 off the waitlist?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>practica::app::WorkingHoursEditor</name>
    <message>
        <source>Mon–Fri 8:00–5:00, lunch 12–1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the rows below with a usual office week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;break</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Break</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row %1 ends before it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The working hours of %1 were saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
