export { maskApplicantIdNumber, maskIdNumber } from "./id-number";
export { maskPhone } from "./phone";
export { maskApplicantName, maskName } from "./name";
export { maskAddress } from "./address";
