console.log("explore");
