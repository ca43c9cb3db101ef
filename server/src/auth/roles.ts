// Who a user is to the bureau, and so what they may do (issue 9).
export const roles = ['ADMIN', 'LEADER', 'COMMITTEE', 'REPORTER'] as const
export type Role = (typeof roles)[number]

export const roleMeanings: Record<Role, string> = {
  ADMIN: 'Accounts, tokens, org units and locks; everything a LEADER can.',
  LEADER: 'The bureau\'s leadership (局领导): reads everything, sets targets, approves.',
  COMMITTEE: 'Members and staff of the standing committee (人大常委会): read everything, write nothing.',
  REPORTER: "A station's or office's clerk, bound to one org unit: reads that unit and below, writes only there.",
}

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value)
}
