export async function explorer() {}
