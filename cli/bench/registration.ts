import type { Random } from "@/lib/seeded-random";
import {
  address,
  APPLICANT_TYPE_WEIGHTS,
  CHANNEL_WEIGHTS,
  creditCode,
  FORM_WANTED_WEIGHTS,
  organisationName,
  personName,
  phoneNumber,
  requestText,
  residentIdNumber,
} from "./fake";

/** One application as the registration form would post it, arriving today. */
export function registrationInput(random: Random, today: string): Record<string, string> {
  const applicantType = random.weighted(APPLICANT_TYPE_WEIGHTS);
  const person = personName(random);
  const natural = applicantType === "natural_person";
  return {
    channel: random.weighted(CHANNEL_WEIGHTS),
    arrivedOn: today,
    receivedOn: "",
    receivedOnReason: "",
    applicantType,
    applicantName: natural ? person.name : organisationName(random, applicantType),
    idNumber: natural ? residentIdNumber(random, person.male) : creditCode(random, applicantType),
    phone: phoneNumber(random),
    address: address(random),
    agentName: "",
    agentPhone: "",
    description: requestText(random),
    formWanted: random.weighted(FORM_WANTED_WEIGHTS),
    notes: "",
  };
}
