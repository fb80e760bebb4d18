"use server";

import { refresh } from "next/cache";
import { formAction } from "@/lib/actions/form-action";
import { clientAddress } from "@/lib/auth/client-address";
import { inviteStaff, inviteStaffInput } from "@/lib/municipalities/invite-staff";

export const inviteStaffAction = formAction(inviteStaffInput, async (input, { viewer }) => {
  await inviteStaff(viewer, input, { address: await clientAddress() });
  refresh();
});
